package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "payer")
public class Payer {

    @Id
    public String id;

    public String name;

    /** The insurer answers EligibilityInquiry events instead of the plan rules kept here. */
    @Column(name = "answers_through_events")
    public boolean answersThroughEvents;

    /** Seconds to wait for the insurer's answer; null for the service default. */
    @Column(name = "inquiry_timeout_seconds")
    public Integer inquiryTimeoutSeconds;

    @Version
    public long version;
}
