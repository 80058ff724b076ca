package org.secondopinion.localstack.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code ./smo demo}: one whole journey, printed step by step. Alice asks for guidance and checks her coverage,
 * submits her knee case, sees coverage and ranked candidates, chooses dr-grey and uploads his checklist; dr-grey
 * issues a disagreeing report with a letter to her primary provider; the PDF is saved; alice decides to seek another
 * opinion and the linked new case's candidates leave dr-grey out.
 */
public final class DemoJourney {

    /** What the journey produced, for the end-to-end tests to check. */
    public record Outcome(JsonNode guidance, JsonNode eligibility, String caseId, JsonNode options, JsonNode caseAfterOpinion,
            Journey.IssuedReport report, byte[] pdf, Path pdfFile, JsonNode decision, JsonNode followUpCase, JsonNode followUpOptions) {
    }

    public static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(90);

    private DemoJourney() {
    }

    public static Outcome run(Journey journey, Path outputDirectory, Consumer<String> say) throws IOException {
        String alice = Journey.ALICE;
        say.accept("");
        say.accept("1. Guidance");
        JsonNode guidance = journey.guidance(alice);

        say.accept("");
        say.accept("2. Eligibility check before the case");
        ObjectNode details = Journey.aliceCase();
        JsonNode eligibility = journey.eligibility(alice, details);

        say.accept("");
        say.accept("3. Alice's case: created and submitted");
        Journey.CaseRef c = journey.createCase(alice, details);
        journey.submit(alice, c);

        say.accept("");
        say.accept("4. Coverage and ranked candidates (from the insurer's and the directory's events)");
        JsonNode options = journey.awaitOptions(alice, c.id(), EVENTS_TIMEOUT);

        say.accept("");
        say.accept("5. Alice chooses dr-grey (recommended by a friend)");
        journey.select(alice, c.id(), Journey.DR_GREY_NPI);

        say.accept("");
        say.accept("6. Records uploaded (dr-grey's checklist; synthetic files made by the demo)");
        journey.uploadChecklist(alice, c.id());
        journey.awaitCaseStatus(alice, c.id(), "UNDER_REVIEW", EVENTS_TIMEOUT);

        say.accept("");
        say.accept("7. dr-grey reviews the case and issues a disagreeing report");
        JsonNode review = journey.awaitReview(Journey.DR_GREY, c.id(), "READY_FOR_REVIEW", EVENTS_TIMEOUT);
        say.accept("dr-grey's worklist shows the case ready for review, " + review.path("documents").size() + " documents, "
                + review.path("questions").size() + " questions");
        Journey.IssuedReport report = journey.draftAndIssue(Journey.DR_GREY, c.id(), Journey.disagreeingDraft(review));
        JsonNode afterOpinion = journey.awaitCaseStatus(alice, c.id(), "OPINION_ISSUED", EVENTS_TIMEOUT);
        say.accept("Alice's case shows the opinion: " + afterOpinion.path("opinion").path("agreement").asText() + ", version "
                + afterOpinion.path("opinion").path("version").asText());

        say.accept("");
        say.accept("8. Alice downloads the report as a PDF");
        byte[] pdf = journey.reportPdf(alice, report.reportId());
        Files.createDirectories(outputDirectory);
        Path pdfFile = outputDirectory.resolve("second-opinion-" + c.id() + ".pdf").toAbsolutePath();
        Files.write(pdfFile, pdf);
        say.accept("Saved the report (" + pdf.length + " bytes) to " + pdfFile);
        if (report.letterPdf() != null) {
            Path letterFile = outputDirectory.resolve("letter-to-primary-provider-" + c.id() + ".pdf").toAbsolutePath();
            Files.write(letterFile, report.letterPdf());
            say.accept("Saved the letter to the primary provider to " + letterFile);
        }

        say.accept("");
        say.accept("9. Alice decides to seek another opinion");
        JsonNode decision = journey.decide(alice, c.id(), "SEEK_ANOTHER_OPINION");
        String followUpId = decision.path("followUpCaseId").asText();
        JsonNode followUp = journey.getCase(alice, followUpId);
        say.accept("The linked case " + followUpId + " (status " + followUp.path("status").asText() + ", previous case "
                + followUp.path("previousCaseId").asText() + ") excludes " + followUp.path("excludedPhysicianNpis"));
        journey.submit(alice, new Journey.CaseRef(followUpId, null));
        JsonNode followUpOptions = journey.awaitOptions(alice, followUpId, EVENTS_TIMEOUT);
        List<String> npis = new ArrayList<>();
        followUpOptions.path("candidates").forEach(x -> npis.add(x.path("npi").asText()));
        say.accept(npis.contains(Journey.DR_GREY_NPI) ? "UNEXPECTED: dr-grey is among the new case's candidates"
                : "dr-grey (" + Journey.DR_GREY_NPI + ") is not among the new case's " + npis.size() + " candidates");
        return new Outcome(guidance, eligibility, c.id(), options, afterOpinion, report, pdf, pdfFile, decision, followUp, followUpOptions);
    }

    /** {@code java -jar local-stack.jar demo}: the journey against the stack that {@code ./smo demo} names. */
    public static void main() throws IOException {
        StackEndpoints stack = StackEndpoints.fromEnvironment();
        Path output = Path.of(System.getenv().getOrDefault("SMO_DEMO_OUTPUT", ".smo/demo"));
        Consumer<String> say = System.out::println;
        say.accept("The Second Opinion demo: one journey through the HTTP APIs of " + stack.caseService() + ", " + stack.directory()
                + ", " + stack.eligibility() + " and " + stack.reportService() + ", with tokens from " + stack.issuer());
        long started = System.nanoTime();
        Outcome outcome = run(new Journey(stack, say), output, say);
        say.accept("");
        say.accept("The demo completed in " + (System.nanoTime() - started) / 1_000_000 + " ms. The report: " + outcome.pdfFile());
    }
}
