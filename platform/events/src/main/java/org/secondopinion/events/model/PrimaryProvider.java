package org.secondopinion.events.model;

import java.util.Objects;

/**
 * The physician whose opinion the patient wants a second opinion on, as the patient recorded them.
 * The directory uses the NPI and practice to rule out conflicts of interest, and the specialty to
 * require at least the same level of expertise.
 *
 * @param name the provider's name as the patient gave it
 * @param npi the provider's 10-digit National Provider Identifier
 * @param specialtyCode the provider's specialty (directory catalogue code)
 * @param subSpecialtyCode the provider's sub-specialty, or null
 * @param practiceName the practice or organisation the provider works in, or null when not known
 * @param practiceNpi the practice's organisation NPI, or null when not known
 */
public record PrimaryProvider(
        String name,
        String npi,
        String specialtyCode,
        String subSpecialtyCode,
        String practiceName,
        String practiceNpi) {

    public PrimaryProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(specialtyCode, "specialtyCode");
    }
}
