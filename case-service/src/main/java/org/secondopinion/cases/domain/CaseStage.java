package org.secondopinion.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stage of a case's timeline: when it was entered, when it is due (if it has a target), when it was done. */
@Entity
@Table(name = "case_stage")
public class CaseStage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus stage;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "done_at")
    public Instant doneAt;
}
