package org.secondopinion.localstack.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The steps of the patient's and the physician's journey through the HTTP APIs of the four services, as the front
 * ends take them, each reporting what it did in plain words. {@code ./smo demo} runs them in order
 * ({@link DemoJourney}); the end-to-end tests call them one by one and check what each step shows.
 */
public final class Journey {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String DR_GREY = "dr-grey";
    public static final String DR_HOUSE = "dr-house";
    public static final String DR_GREY_NPI = "1234567893";
    public static final String DR_HOUSE_NPI = "1245319599";
    public static final String SPECIALTY = "orthopaedic-surgery";
    public static final String SUB_SPECIALTY = "orthopaedic-sports-medicine";

    /** A case: its id and its current ETag. */
    public record CaseRef(String id, String etag) {
    }

    /** An issued report: its id, the report as its physician sees it, and the letter to the primary provider. */
    public record IssuedReport(String reportId, JsonNode report, String letterUrl, byte[] letterPdf) {
    }

    private final StackEndpoints stack;
    private final Api api;
    private final Consumer<String> say;

    public Journey(StackEndpoints stack, Consumer<String> say) {
        this.stack = stack;
        var http = Api.newHttpClient();
        this.api = new Api(http, new TokenSource(stack, http));
        this.say = say;
    }

    public Api api() {
        return api;
    }

    public StackEndpoints stack() {
        return stack;
    }

    public String caseUrl(String caseId) {
        return stack.caseService() + "/api/cases/" + caseId;
    }

    // --- the demo data (demo-data contract) ------------------------------------------------------------------------

    /** Alice's case: a knee, a meniscus tear, surgery recommended; ACME insurance; dr-grey recommended by a friend. */
    public static ObjectNode aliceCase() {
        return caseDetails("ACME", "ACME-100234", "Alice", "Anderson", "1984-05-12", List.of(DR_GREY_NPI));
    }

    /** Bob's case: the same condition, insured with BEACON (which answers through the insurer's events). */
    public static ObjectNode bobCase() {
        return caseDetails("BEACON", "BEACON-552019", "Bob", "Baker", "1979-09-30", List.of());
    }

    public static ObjectNode caseDetails(String payer, String member, String firstName, String lastName, String dateOfBirth,
            List<String> recommendedNpis) {
        ObjectNode c = Api.object();
        c.put("conditionDescription", "Pain in my right knee for eight months; a tear of the meniscus was found.");
        c.putObject("area").put("specialtyCode", SPECIALTY).put("subSpecialtyCode", SUB_SPECIALTY);
        c.putArray("reasons").add("SURGERY_RECOMMENDED").add("LACK_OF_CONFIDENCE");
        c.putObject("primaryProvider").put("name", "Dr. Pat Primary").put("npi", "1003000126")
                .put("specialtyCode", SPECIALTY).put("practiceName", "Riverside Orthopaedics");
        c.put("primaryDiagnosis", "Complex tear of the medial meniscus");
        c.put("recommendedTreatment", "Arthroscopic partial meniscectomy");
        c.put("surgeryRecommended", true);
        c.put("clarificationSought", true);
        c.putArray("questions").add("Is surgery needed now, or can physiotherapy come first?")
                .add("What are the risks of waiting six months?");
        c.putObject("insurance").put("payerId", payer).put("memberId", member).put("firstName", firstName)
                .put("lastName", lastName).put("dateOfBirth", dateOfBirth);
        c.putObject("location").put("stateCode", "MA").put("latitude", 42.3601).put("longitude", -71.0589);
        c.put("preferredLanguage", "en");
        ArrayNode recommended = c.putArray("recommendedPhysicianNpis");
        recommendedNpis.forEach(recommended::add);
        return c;
    }

    // --- steps -----------------------------------------------------------------------------------------------------

    /** Guidance: should the patient get a second opinion? */
    public JsonNode guidance(String patient) {
        ObjectNode request = Api.object();
        request.putArray("reasons").add("SURGERY_RECOMMENDED").add("LACK_OF_CONFIDENCE");
        request.put("askedPrimaryToClarify", true);
        JsonNode a = api.post(patient, stack.caseService() + "/api/guidance/assessment", request).expect(200).json();
        say.accept("Guidance for " + patient + ": " + a.path("strength").asText() + " - " + a.path("summary").asText());
        for (JsonNode step : a.path("nextSteps")) {
            say.accept("    " + step.path("order").asText() + ". " + step.path("title").asText());
        }
        return a;
    }

    /** Eligibility before the case: is a second opinion covered by the patient's plan? */
    public JsonNode eligibility(String patient, ObjectNode details) {
        JsonNode insurance = details.path("insurance");
        ObjectNode request = Api.object()
                .put("payerId", insurance.path("payerId").asText())
                .put("memberId", insurance.path("memberId").asText())
                .put("dateOfBirth", insurance.path("dateOfBirth").asText())
                .put("firstName", insurance.path("firstName").asText())
                .put("lastName", insurance.path("lastName").asText())
                .put("specialtyCode", SPECIALTY)
                .put("surgeryRecommended", true);
        JsonNode d = api.post(patient, stack.eligibility() + "/api/eligibility-checks", request).expect(201).json();
        say.accept("Eligibility (" + insurance.path("payerId").asText() + "): " + d.path("outcome").asText()
                + describeCost(d) + (d.hasNonNull("planName") ? ", plan " + d.path("planName").asText() : ""));
        return d;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static String describeCost(JsonNode d) {
        if (d.hasNonNull("copay")) {
            return ", copay " + d.path("copay").path("amount").asText() + " " + d.path("copay").path("currency").asText();
        }
        if (d.hasNonNull("coinsurancePercent")) {
            return ", coinsurance " + d.path("coinsurancePercent").asText() + " %";
        }
        return "";
    }

    /** The patient creates the draft (with an Idempotency-Key, as the mobile app does). */
    public CaseRef createCase(String patient, ObjectNode details) {
        Api.Reply r = api.post(patient, stack.caseService() + "/api/cases", details,
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201);
        String id = r.json().path("id").asText();
        say.accept("Case created by " + patient + " as a draft: " + id);
        return new CaseRef(id, r.header("ETag"));
    }

    public JsonNode submit(String patient, CaseRef c) {
        JsonNode view = api.post(patient, caseUrl(c.id()) + "/submit", null,
                c.etag() == null ? Map.of() : Map.of("If-Match", c.etag())).expect(200).json();
        say.accept("Case submitted: status " + view.path("status").asText()
                + "; the directory and the insurer are being asked (events CaseSubmitted)");
        return view;
    }

    public JsonNode getCase(String user, String caseId) {
        return api.get(user, caseUrl(caseId)).expect(200).json();
    }

    /** Waits until the case's options hold coverage and candidates (OPTIONS_READY), then shows them. */
    public JsonNode awaitOptions(String patient, String caseId, Duration timeout) {
        JsonNode options = await("the options of case " + caseId, timeout, () -> {
            JsonNode o = api.get(patient, caseUrl(caseId) + "/options").expect(200).json();
            return o.path("status").asText().equals("OPTIONS_READY") && o.path("candidates").size() > 0
                    ? Optional.of(o) : Optional.empty();
        });
        showOptions(options);
        return options;
    }

    public JsonNode options(String patient, String caseId) {
        return api.get(patient, caseUrl(caseId) + "/options").expect(200).json();
    }

    public void showOptions(JsonNode options) {
        JsonNode cov = options.path("coverage");
        say.accept("Coverage: " + cov.path("outcome").asText() + (cov.path("pending").asBoolean() ? " (pending with the insurer)" : "")
                + (cov.hasNonNull("planName") ? ", plan " + cov.path("planName").asText() : "") + describeCost(cov)
                + (cov.path("priorAuthorizationRequired").asBoolean() ? ", prior authorisation required" : ""));
        say.accept("Candidates, best first:");
        for (JsonNode c : options.path("candidates")) {
            JsonNode cost = c.path("estimatedCost");
            say.accept(String.format("    %2d. %-24s NPI %s  %s  %s%s", c.path("rank").asInt(), c.path("name").asText(),
                    c.path("npi").asText(), c.path("inNetwork").asBoolean() ? "in network" : "out of network",
                    cost.path("basis").asText(), cost.hasNonNull("amount")
                            ? " " + cost.path("amount").path("amount").asText() + " " + cost.path("amount").path("currency").asText() : ""));
        }
        for (JsonNode r : options.path("recommended")) {
            say.accept("    recommended to the patient: NPI " + r.path("npi").asText() + " - "
                    + (r.path("qualifies").asBoolean() ? "qualifies (rank " + r.path("rank").asText() + ")"
                            : "does not qualify: " + String.join("; ", texts(r.path("reasons")))));
        }
    }

    public JsonNode select(String patient, String caseId, String npi) {
        JsonNode view = api.post(patient, caseUrl(caseId) + "/selection", Api.object().put("npi", npi)).expect(200).json();
        List<String> checklist = new ArrayList<>();
        view.path("checklist").forEach(i -> checklist.add(i.path("type").asText()));
        say.accept("Physician chosen: " + view.path("selectedPhysician").path("name").asText() + " (NPI " + npi + "); records to upload: "
                + String.join(", ", checklist));
        return view;
    }

    /** Uploads one synthetic file per open checklist item: a PDF, or a PNG for imaging. Returns the uploaded documents. */
    public List<JsonNode> uploadChecklist(String patient, String caseId) {
        JsonNode view = getCase(patient, caseId);
        List<JsonNode> uploaded = new ArrayList<>();
        for (JsonNode item : view.path("checklist")) {
            if (item.hasNonNull("documentId")) {
                continue;
            }
            String type = item.path("type").asText();
            boolean image = type.equals("IMAGING");
            byte[] content = image ? SampleFiles.png() : SampleFiles.pdf("Synthetic " + type.toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " for the demo case (no real patient data)");
            JsonNode doc = api.upload(patient, caseUrl(caseId) + "/documents", type.toLowerCase(Locale.ROOT) + (image ? ".png" : ".pdf"),
                    image ? "image/png" : "application/pdf", content, Map.of("type", type)).expect(201).json();
            say.accept("Uploaded " + type + " (" + doc.path("contentType").asText() + ", " + doc.path("sizeBytes").asText()
                    + " bytes, SHA-256 " + doc.path("sha256").asText().substring(0, 12) + "...)");
            uploaded.add(doc);
        }
        return uploaded;
    }

    public JsonNode awaitCaseStatus(String user, String caseId, String status, Duration timeout) {
        JsonNode view = await("case " + caseId + " to be " + status, timeout, () -> {
            JsonNode v = getCase(user, caseId);
            return v.path("status").asText().equals(status) ? Optional.of(v) : Optional.empty();
        });
        say.accept("Case " + caseId + " is " + status);
        return view;
    }

    /** Waits until the physician's review of the case is in the given state (report-service learns it from events). */
    public JsonNode awaitReview(String physician, String caseId, String state, Duration timeout) {
        return await("the review of case " + caseId + " to be " + state, timeout, () -> {
            Api.Reply r = api.get(physician, stack.reportService() + "/api/reviews/" + caseId);
            return r.status() == 200 && r.json().path("state").asText().equals(state) ? Optional.of(r.json()) : Optional.empty();
        });
    }

    /** The physician's disagreeing report, answering every question of the case. */
    public static ObjectNode disagreeingDraft(JsonNode review) {
        ObjectNode draft = Api.object()
                .put("physicianCredentials", "MD, board certified in orthopaedic surgery (American Board of Orthopaedic Surgery)")
                .put("agreement", "DISAGREES")
                .put("diagnosis", "Degenerative tear of the medial meniscus without mechanical locking")
                .put("recommendedTreatment", "Twelve weeks of structured physiotherapy before any surgery is considered")
                .put("surgeryConcurrence", false)
                .put("differenceExplanation", "Without locking or a displaced fragment, physiotherapy first gives outcomes as good as "
                        + "arthroscopic partial meniscectomy, without the risks of surgery.")
                .put("followUpAdvice", "Review in three months; reconsider surgery if the knee locks or pain persists.");
        ArrayNode records = draft.putArray("recordsReviewed");
        for (JsonNode doc : review.path("documents")) {
            records.add(doc.path("type").asText() + " uploaded " + doc.path("uploadedAt").asText());
        }
        if (records.isEmpty()) {
            records.add("The primary provider's records");
        }
        draft.putArray("alternatives").add("Arthroscopic partial meniscectomy if mechanical symptoms appear");
        ArrayNode answers = draft.putArray("answers");
        for (JsonNode q : review.path("questions")) {
            answers.addObject().put("questionId", q.path("questionId").asText())
                    .put("answer", "Answer to \"" + q.path("text").asText() + "\": physiotherapy first; surgery is not needed now.");
        }
        return draft;
    }

    /** The physician drafts the report, then issues it; the letter to the primary provider comes with it. */
    public IssuedReport draftAndIssue(String physician, String caseId, ObjectNode draft) {
        String reports = stack.reportService();
        Api.Reply created = api.post(physician, reports + "/api/reviews/" + caseId + "/report", draft).expect(201);
        String reportId = created.json().path("id").asText();
        say.accept(physician + " drafted the report " + reportId + " (" + draft.path("agreement").asText() + ", "
                + draft.path("answers").size() + " questions answered)");
        JsonNode issued = api.post(physician, reports + "/api/reports/" + reportId + "/issue", null, Map.of("If-Match", created.header("ETag")))
                .expect(200).json();
        JsonNode report = api.get(physician, reports + "/api/reports/" + reportId).expect(200).json();
        say.accept(physician + " issued version " + report.path("currentVersion").asText() + " (status " + issued.path("status").asText()
                + ", content hash " + report.path("latest").path("contentHash").asText().substring(0, 12) + "...)");
        String letterUrl = null;
        byte[] letter = null;
        JsonNode letters = report.path("letters");
        if (letters.size() > 0) {
            letterUrl = resolve(reports, letters.get(0).path("pdf").asText());
            letter = api.get(physician, letterUrl).expect(200).body();
            say.accept("Letter to the primary provider " + letters.get(0).path("providerName").asText() + ": " + letter.length
                    + " bytes of PDF");
        }
        return new IssuedReport(reportId, report, letterUrl, letter);
    }

    /** The patient's PDF of the latest issued version. */
    public byte[] reportPdf(String patient, String reportId) {
        return api.get(patient, stack.reportService() + "/api/reports/" + reportId + "/pdf").expect(200).body();
    }

    public JsonNode decide(String patient, String caseId, String decision) {
        JsonNode d = api.post(patient, caseUrl(caseId) + "/decision", Api.object().put("decision", decision)).expect(200).json();
        say.accept(patient + " decided " + decision + (d.hasNonNull("followUpCaseId") ? "; a linked case was opened: "
                + d.path("followUpCaseId").asText() : ""));
        return d;
    }

    private static String resolve(String base, String path) {
        return path.startsWith("http") ? path : base + (path.startsWith("/") ? "" : "/") + path;
    }

    /** Polls every 250 ms until the supplier has a value, or fails naming what was awaited. */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what
                        + (last == null ? "" : "; last error: " + last.getMessage()), last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
