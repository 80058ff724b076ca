package org.secondopinion.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.Question;
import org.secondopinion.reports.domain.IssuedContent;
import org.secondopinion.reports.domain.ReportContent;

/**
 * Renders issued versions as PDFs with Apache PDFBox: the patient's report, in plain words with
 * clear sections, and the letter to the primary provider. Stateless; usable without CDI (the
 * benchmark creates one directly).
 */
@ApplicationScoped
public class ReportPdfRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The patient's report for one issued version; the footer carries the version's content hash. */
    public byte[] patientReport(IssuedContent content, String contentHash) {
        ReportContent opinion = content.opinion();
        try (PdfDocumentWriter pdf = new PdfDocumentWriter("Second opinion report", "Case " + content.caseId())) {
            pdf.title("Your second opinion");
            pdf.labelled("Written by", content.physicianName() + ", " + opinion.physicianCredentials()
                    + " (NPI " + content.physicianNpi() + ")");
            pdf.labelled("Version", content.version() + versionNote(content));
            pdf.labelled("First issued", date(content.firstIssuedAt()));
            pdf.labelled("This version issued", date(content.issuedAt()));
            pdf.labelled("Case", content.caseId());

            pdf.heading("What you asked about");
            pdf.paragraph(content.conditionDescription());
            pdf.labelled("Your doctor's diagnosis", content.primaryDiagnosis());
            pdf.labelled("Your doctor's recommended treatment", content.primaryRecommendedTreatment());
            pdf.labelled("Your doctor recommended surgery", content.surgeryRecommended() ? "Yes" : "No");

            pdf.heading("Summary: do I agree with your doctor?");
            pdf.paragraph(agreementInWords(opinion.agreement()));

            pdf.heading("My diagnosis");
            pdf.paragraph(opinion.diagnosis());

            pdf.heading("What I recommend");
            pdf.paragraph(opinion.recommendedTreatment());
            if (!opinion.alternatives().isEmpty()) {
                pdf.paragraph("Other options you could discuss with your doctor:");
                opinion.alternatives().forEach(pdf::bullet);
            }
            if (content.surgeryRecommended() && opinion.surgeryConcurrence() != null) {
                pdf.heading("About the recommended surgery");
                pdf.paragraph(opinion.surgeryConcurrence()
                        ? "I agree that surgery is the right course."
                        : "I do not agree that surgery is needed at this point.");
            }
            if (opinion.agreement() != OpinionAgreement.AGREES && opinion.differenceExplanation() != null) {
                pdf.heading("Why my opinion differs");
                pdf.paragraph(opinion.differenceExplanation());
            }

            pdf.heading("Answers to your questions");
            Map<String, String> answers = opinion.answers().stream()
                    .collect(Collectors.toMap(ReportContent.Answer::questionId, ReportContent.Answer::answer, (a, b) -> b));
            for (Question question : content.questions()) {
                pdf.labelled("You asked", question.text());
                pdf.paragraph(answers.getOrDefault(question.questionId(), "-"));
            }

            pdf.heading("What to do next");
            pdf.paragraph(opinion.followUpAdvice());

            pdf.heading("Records I reviewed");
            opinion.recordsReviewed().forEach(pdf::bullet);

            if (!content.followUps().isEmpty()) {
                pdf.heading("Your follow-up questions");
                for (IssuedContent.FollowUpAnswer followUp : content.followUps()) {
                    pdf.labelled("You asked (" + date(followUp.askedAt()) + ")", followUp.question());
                    pdf.paragraph(followUp.answer());
                }
            }
            if (content.reason() != null) {
                pdf.heading("Why this version was issued");
                pdf.paragraph(content.reason());
            }
            pdf.space(10);
            pdf.paragraph("This report is a second opinion for you and your doctors to discuss. It does not replace "
                    + "the care of your own physician.");
            return pdf.finish(footer(content, contentHash));
        }
    }

    /** The letter to the primary provider explaining how the second opinion differs. */
    public byte[] providerLetter(IssuedContent content, String contentHash) {
        ReportContent opinion = content.opinion();
        try (PdfDocumentWriter pdf = new PdfDocumentWriter("Letter to the primary provider", "Case " + content.caseId())) {
            pdf.title("Second opinion: letter to the primary provider");
            pdf.labelled("To", content.primaryProviderName() + " (NPI " + content.primaryProviderNpi() + ")");
            pdf.labelled("From", content.physicianName() + ", " + opinion.physicianCredentials()
                    + " (NPI " + content.physicianNpi() + ")");
            pdf.labelled("Date", date(content.issuedAt()));
            pdf.labelled("Report version", Integer.toString(content.version()));
            pdf.space(6);
            pdf.paragraph("Dear " + content.primaryProviderName() + ",");
            pdf.paragraph("at our shared patient's request I reviewed your diagnosis and recommended treatment. "
                    + agreementInWords(opinion.agreement()).replace("your doctor", "you"));
            pdf.heading("Your diagnosis and recommendation");
            pdf.labelled("Diagnosis", content.primaryDiagnosis());
            pdf.labelled("Recommended treatment", content.primaryRecommendedTreatment());
            pdf.heading("My diagnosis and recommendation");
            pdf.labelled("Diagnosis", opinion.diagnosis());
            pdf.labelled("Recommended treatment", opinion.recommendedTreatment());
            if (content.surgeryRecommended() && opinion.surgeryConcurrence() != null) {
                pdf.labelled("Concurrence with the recommended surgery", opinion.surgeryConcurrence() ? "Yes" : "No");
            }
            pdf.heading("Explanation of the difference");
            pdf.paragraph(opinion.differenceExplanation());
            pdf.heading("Suggested follow-up");
            pdf.paragraph(opinion.followUpAdvice());
            pdf.space(8);
            pdf.paragraph("Sincerely,");
            pdf.paragraph(content.physicianName() + ", " + opinion.physicianCredentials());
            return pdf.finish(footer(content, contentHash));
        }
    }

    static String agreementInWords(OpinionAgreement agreement) {
        return switch (agreement) {
            case AGREES -> "I agree with your doctor's diagnosis and recommended treatment.";
            case AGREES_WITH_REFINEMENTS -> "I agree with your doctor overall, with some refinements explained below.";
            case DISAGREES -> "I disagree with your doctor's opinion; the reasons are explained below.";
        };
    }

    private static String versionNote(IssuedContent content) {
        return switch (content.kind()) {
            case ORIGINAL -> "";
            case AMENDMENT -> " (amended)";
            case ADDENDUM -> " (with addendum)";
        };
    }

    private static String footer(IssuedContent content, String contentHash) {
        return "Report " + content.reportId() + " version " + content.version() + "  |  Content SHA-256: " + contentHash;
    }

    private static String date(Instant instant) {
        return instant == null ? "-" : DATE.format(instant);
    }

}
