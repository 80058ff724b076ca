package org.secondopinion.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Validates built-in Kubernetes objects against the Kubernetes API's OpenAPI schema, as compiled into the official
 * Java client's models (io.kubernetes:client-java-api, generated from the Kubernetes 1.33 OpenAPI document). Each
 * model's {@code fromJson} refuses fields the schema does not define, missing required fields and values of the
 * wrong type, at every level of nesting.
 */
final class KubernetesSchema {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** apiVersion/kind to model: every built-in kind the manifests may contain. Another kind is refused. */
    private static final Map<String, String> MODEL_BY_TYPE = Map.ofEntries(
            Map.entry("v1/Namespace", "V1Namespace"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"));

    private KubernetesSchema() {
    }

    static boolean covers(String apiVersion) {
        return !apiVersion.contains("/") || apiVersion.startsWith("apps/") || apiVersion.startsWith("autoscaling/")
                || apiVersion.startsWith("policy/") || apiVersion.startsWith("networking.k8s.io/")
                || apiVersion.startsWith("batch/") || apiVersion.startsWith("rbac.authorization.k8s.io/");
    }

    /** The problem with this object, if any. */
    static Optional<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String model = MODEL_BY_TYPE.get(type);
        if (model == null) {
            return Optional.of("no Kubernetes schema for " + type + " (a kind or API version these manifests do not use)");
        }
        try {
            Class<?> modelClass = Class.forName(MODELS + model);
            JsonElement json = JsonParser.parseString(object.toString());
            Method fromJson = modelClass.getMethod("fromJson", String.class);
            fromJson.invoke(null, json.toString());
            return Optional.empty();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            return Optional.of(type + " does not match the Kubernetes schema: " + cause.getClass().getSimpleName() + ": "
                    + firstLine(cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("model " + model + " missing from client-java-api", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        // The client appends the whole object to its message: the first sentence names the problem.
        int json = message.indexOf(" JSON: ");
        String text = json > 0 ? message.substring(0, json) : message;
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
