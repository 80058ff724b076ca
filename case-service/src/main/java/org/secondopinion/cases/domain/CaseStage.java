package org.secondopinion.cases.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One stage of a case's timeline: when it was entered, when it is due (if it has a target), when it was
 * done. Stored by {@code CaseStageRepository} with plain SQL.
 */
public class CaseStage {

    /** Orders a case's stages; assigned by the database. */
    public Long id;
    public UUID caseId;
    public CaseStatus stage;
    public Instant enteredAt;
    public Instant dueAt;
    public Instant doneAt;
}
