package org.secondopinion.localstack.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the services' APIs, as the front ends call them: a bearer token of the given user on every
 * request, JSON bodies, multipart uploads. Answers are returned whatever their status; {@link Reply#expect(int)}
 * turns an unexpected status into an exception that quotes the problem details' title and detail.
 */
public final class Api {

    /** Amounts stay as sent (40.00, not 40.0). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    /** One HTTP answer. */
    public record Reply(String method, String url, int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + url + ": not JSON (HTTP " + status + ")", e);
            }
        }

        /** This reply when its status is the one expected; otherwise an exception naming the request and the problem. */
        public Reply expect(int expected) {
            if (status != expected) {
                String problem = "";
                try {
                    JsonNode p = JSON.readTree(body);
                    problem = ": " + p.path("title").asText("") + " " + p.path("detail").asText("")
                            + (p.has("errors") ? " " + p.get("errors") : "");
                } catch (IOException | RuntimeException ignored) {
                    // not problem details
                }
                throw new IllegalStateException(method + " " + url + " answered HTTP " + status + " (expected " + expected + ")" + problem);
            }
            return this;
        }
    }

    private final HttpClient http;
    private final TokenSource tokens;

    public Api(HttpClient http, TokenSource tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public Reply get(String user, String url) {
        return send(user, "GET", url, null, null, Map.of());
    }

    public Reply post(String user, String url, Object body) {
        return post(user, url, body, Map.of());
    }

    public Reply post(String user, String url, Object body, Map<String, String> headers) {
        return send(user, "POST", url, "application/json", body == null ? new byte[0] : toJson(body), headers);
    }

    public Reply put(String user, String url, Object body, Map<String, String> headers) {
        return send(user, "PUT", url, "application/json", toJson(body), headers);
    }

    /** A multipart upload as a browser sends it: the file part with its media type, and plain fields. */
    public Reply upload(String user, String url, String fileName, String mediaType, byte[] content, Map<String, String> fields) {
        String boundary = "smo-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(user, "POST", url, "multipart/form-data; boundary=" + boundary, out.toByteArray(), Map.of());
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(String user, String method, String url, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, application/pdf, */*");
        if (user != null) {
            request.header("Authorization", "Bearer " + tokens.token(user));
        }
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method, url, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
