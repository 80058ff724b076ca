package org.secondopinion.reports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.Question;
import org.secondopinion.reports.domain.IssuedContent;
import org.secondopinion.reports.domain.ReportContent;
import org.secondopinion.reports.domain.VersionKind;
import org.secondopinion.reports.service.ReportPdfRenderer;

/**
 * Names and words of every alphabet a patient or physician may write in reach the PDF as written. Plain
 * JUnit: the renderer needs no container, and the PDFs are read back with PDFBox's text extraction.
 */
class PdfLettersTest {

    private static final String PATIENT_WORDS = "Đau đầu gối phải từ tháng Ba; bác sĩ khuyên mổ nội soi.";
    private static final String PHYSICIAN = "Dr. Łukasz Żółkiewski-Nguyễn";
    private static final String PROVIDER = "Д-р Иван Петров";
    private static final String DIAGNOSIS = "Ρήξη μηνίσκου (meniscus tear), “degenerative” — not acute";

    private final ReportPdfRenderer renderer = new ReportPdfRenderer();

    @Test
    void reportAndLetterShowNamesAndTextBeyondLatin1() {
        IssuedContent content = content("Τι σημαίνει αυτό για το γόνατό μου;");

        String report = Pdfs.text(renderer.patientReport(content, "sha256-test"));
        String letter = Pdfs.text(renderer.providerLetter(content, "sha256-test"));

        assertThat(report, allOf(containsString(PHYSICIAN), containsString(PATIENT_WORDS), containsString(DIAGNOSIS),
                containsString("Τι σημαίνει αυτό για το γόνατό μου;"), containsString("Không cần mổ ngay."),
                not(containsString("??"))));
        assertThat(letter, allOf(containsString(PROVIDER), containsString(PHYSICIAN), containsString(DIAGNOSIS)));
    }

    @Test
    void charactersNoFontCoversBecomeQuestionMarksAndThePdfIsStillMade() {
        IssuedContent content = content("王医生说要手术吗 \uD83D\uDE42");

        String report = Pdfs.text(renderer.patientReport(content, "sha256-test"));

        assertThat(report, allOf(containsString("You asked: ???????? ?"), containsString(PHYSICIAN)));
    }

    private static IssuedContent content(String question) {
        ReportContent opinion = new ReportContent("MD, board-certified orthopaedic surgeon", List.of("MRI, right knee"),
                OpinionAgreement.DISAGREES, DIAGNOSIS, "Physiotherapy for twelve weeks\tbefore any surgery",
                List.of("Injection"), false, List.of(new ReportContent.Answer("q1", "Không cần mổ ngay.")),
                "The imaging shows a degenerative tear; surgery is not needed now.", "Review in three months.");
        Instant issued = Instant.parse("2026-11-20T10:15:00Z");
        return new IssuedContent("report-1", "case-1", 1, VersionKind.ORIGINAL, null, issued, issued, PHYSICIAN,
                "1234567893", PROVIDER, "1987654321", PATIENT_WORDS, DIAGNOSIS, "Arthroscopic meniscectomy", true,
                List.of(new Question("q1", question)), opinion, List.of());
    }
}
