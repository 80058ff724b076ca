package org.secondopinion.reports.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.secondopinion.events.model.OpinionAgreement;

/** One issued version of a report, frozen: written once, never updated (the database refuses it too). */
@Entity
@Immutable
@Table(name = "report_version")
public class ReportVersion {

    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    public VersionKind kind;
    public String reason;
    @Enumerated(EnumType.STRING)
    public OpinionAgreement agreement;
    public String contentJson;
    public String contentHash;
    public Instant issuedAt;

    public IssuedContent content() {
        return Json.read(contentJson, IssuedContent.class);
    }

    public int number() {
        return key.versionNumber;
    }

    @Embeddable
    public static class Key implements Serializable {
        public UUID reportId;
        public int versionNumber;

        public Key() {
        }

        public Key(UUID reportId, int versionNumber) {
            this.reportId = reportId;
            this.versionNumber = versionNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.reportId.equals(reportId) && key.versionNumber == versionNumber;
        }

        @Override
        public int hashCode() {
            return reportId.hashCode() * 31 + versionNumber;
        }
    }
}
