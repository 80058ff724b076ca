package org.secondopinion.coverage.domain;

/** Why a determination was made. */
public enum Origin {
    /** A patient (or coordinator) asked before submitting a case. */
    CHECK,
    /** A case was submitted. */
    CASE
}
