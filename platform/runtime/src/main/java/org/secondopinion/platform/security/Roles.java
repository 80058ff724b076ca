package org.secondopinion.platform.security;

/** The realm roles the platform knows. Tokens carry them in the {@code groups} claim. */
public final class Roles {

    public static final String PATIENT = "patient";
    /** A physician's token also carries the physician's NPI in the {@value Caller#NPI_CLAIM} claim. */
    public static final String PHYSICIAN = "physician";
    /** Operations staff: see case status and timelines, never document contents or report text. */
    public static final String COORDINATOR = "coordinator";
    /** An insurer's machine client, scoped to its payer by the {@value Caller#PAYER_CLAIM} claim. */
    public static final String INSURER = "insurer";

    private Roles() {
    }
}
