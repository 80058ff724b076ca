package org.secondopinion.events.model;

/** What the patient decided after reading the second opinion. */
public enum PatientDecision {
    STAY_WITH_PRIMARY,
    SWITCH_TO_SECOND,
    /** Opens a linked follow-up case that excludes earlier reviewers. */
    SEEK_ANOTHER_OPINION
}
