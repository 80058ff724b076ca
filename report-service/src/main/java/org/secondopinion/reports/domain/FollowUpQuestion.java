package org.secondopinion.reports.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A question the patient asked after the report was issued; its answer comes in an addendum version. */
@Entity
@Table(name = "follow_up_question")
public class FollowUpQuestion {

    @Id
    public UUID id;
    public UUID reportId;
    public String text;
    public Instant askedAt;
    public String answer;
    public Instant answeredAt;
    public Integer answeredInVersion;
}
