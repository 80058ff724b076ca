package org.secondopinion.events.model;

import java.util.Objects;

/**
 * The area of medicine a case is about, as codes from the provider directory's specialty catalogue
 * ({@code /api/specialties}).
 *
 * @param specialtyCode the specialty
 * @param subSpecialtyCode the sub-specialty, or null when the case names none
 */
public record MedicalArea(String specialtyCode, String subSpecialtyCode) {

    public MedicalArea {
        Objects.requireNonNull(specialtyCode, "specialtyCode");
    }
}
