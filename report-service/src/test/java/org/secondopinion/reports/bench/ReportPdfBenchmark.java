package org.secondopinion.reports.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.secondopinion.events.model.OpinionAgreement;
import org.secondopinion.events.model.Question;
import org.secondopinion.reports.domain.IssuedContent;
import org.secondopinion.reports.domain.Json;
import org.secondopinion.reports.domain.ReportContent;
import org.secondopinion.reports.domain.VersionKind;
import org.secondopinion.reports.service.ContentHash;
import org.secondopinion.reports.service.ReportPdfRenderer;

/**
 * How long rendering a patient's report PDF takes (p50/p99) and how much memory it allocates. Not a
 * test: run it by hand (see the README), on a quiet machine. Arguments: warm-up runs, measured runs.
 */
public final class ReportPdfBenchmark {

    private ReportPdfBenchmark() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ReportPdfRenderer renderer = new ReportPdfRenderer();
        IssuedContent content = sampleReport();
        String hash = ContentHash.sha256(Json.write(content));

        for (int i = 0; i < warmUp; i++) {
            renderer.patientReport(content, hash);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().threadId();
        long[] nanos = new long[runs];
        long[] allocated = new long[runs];
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long bytesBefore = threads.getThreadAllocatedBytes(threadId);
            long start = System.nanoTime();
            size = renderer.patientReport(content, hash).length;
            nanos[i] = System.nanoTime() - start;
            allocated[i] = threads.getThreadAllocatedBytes(threadId) - bytesBefore;
        }
        Arrays.sort(nanos);
        Arrays.sort(allocated);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Report PDF rendering, %d runs after %d warm-up runs (PDF of %d bytes)%n", runs, warmUp, size);
        System.out.printf("  p50 %.2f ms   p99 %.2f ms   max %.2f ms   (goal: p99 < 150 ms)%n",
                millis(nanos, 0.50), millis(nanos, 0.99), nanos[runs - 1] / 1e6);
        System.out.printf("  allocated per render: p50 %.1f KiB, p99 %.1f KiB%n",
                allocated[(int) (runs * 0.50)] / 1024.0, allocated[Math.min(runs - 1, (int) (runs * 0.99))] / 1024.0);
        System.out.printf("  heap in use after the runs: %.1f MiB of %.1f MiB%n",
                (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0, runtime.totalMemory() / 1048576.0);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
    }

    /** A long, realistic (synthetic) report: several pages, every section filled. */
    private static IssuedContent sampleReport() {
        String paragraph = "The angiogram shows a single narrowed vessel with good flow beyond it. Symptoms appear on exertion "
                + "only and settle with rest. Medication and a supervised exercise programme usually control this well. ";
        List<Question> questions = new ArrayList<>();
        List<ReportContent.Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            questions.add(new Question("q" + i, "Question number " + i + ": what does this mean for my daily life?"));
            answers.add(new ReportContent.Answer("q" + i, paragraph.repeat(2)));
        }
        ReportContent opinion = new ReportContent("MD, board certified in cardiology",
                List.of("Coronary angiogram", "Stress test", "Blood tests", "Referral letter"), OpinionAgreement.DISAGREES,
                "Stable angina with single-vessel disease", paragraph.repeat(3),
                List.of("Stent (PCI) if symptoms persist", "Watchful waiting with regular review"), false, answers,
                paragraph.repeat(4), paragraph.repeat(2));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new IssuedContent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, VersionKind.ORIGINAL, null, now,
                now, "Dr. Sample Reviewer", "1999999984", "Dr. Testcase Primary", "1999999976",
                "Chest pain when climbing stairs. " + paragraph, "Stable angina", "Coronary bypass surgery", true, questions,
                opinion, List.of());
    }
}
