package org.secondopinion.providers.domain;

/** How expert a physician is in a case's area, lowest first. */
public enum ExpertiseLevel {
    /** No specialty in the area. */
    NONE,
    SPECIALIST,
    SUB_SPECIALIST
}
