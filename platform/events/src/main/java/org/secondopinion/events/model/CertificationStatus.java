package org.secondopinion.events.model;

/** The status of one board certification as its source reports it. */
public enum CertificationStatus {
    CERTIFIED,
    EXPIRED,
    SUSPENDED,
    REVOKED,
    NOT_CERTIFIED
}
