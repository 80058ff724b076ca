package org.secondopinion.reports.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A case's written second opinion: the draft and the number of the latest issued version. */
@Entity
@Table(name = "report")
public class Report {

    @Id
    public UUID id;
    public String caseId;
    public String patientId;
    public String physicianNpi;
    public String physicianName;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    public String draftJson;
    /** The latest issued version, 0 while it is a draft. */
    public int currentVersion;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant firstIssuedAt;
    @Version
    public long version;

    public ReportContent draft() {
        return Json.read(draftJson, ReportContent.class);
    }
}
