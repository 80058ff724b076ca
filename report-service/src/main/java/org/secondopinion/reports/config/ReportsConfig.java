package org.secondopinion.reports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** report-service's own settings, under {@code smo.reports}. */
@ConfigMapping(prefix = "smo.reports")
public interface ReportsConfig {

    /** How many follow-up questions a patient may ask about one report after it was issued. */
    @WithDefault("3")
    int maxFollowUpQuestions();

    /**
     * Where the reviewer downloads a case's document from case-service; {@code {caseId}} and
     * {@code {documentId}} are replaced.
     */
    @WithDefault("http://localhost:8081/api/cases/{caseId}/documents/{documentId}/content")
    String documentDownloadTemplate();
}
