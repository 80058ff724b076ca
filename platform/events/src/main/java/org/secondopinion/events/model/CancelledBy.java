package org.secondopinion.events.model;

/** Who cancelled a case. {@code SYSTEM} is the platform itself, for example when a stage's due time passed. */
public enum CancelledBy {
    PATIENT,
    COORDINATOR,
    SYSTEM
}
