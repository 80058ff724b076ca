package org.secondopinion.providers.rest.dto;

import java.util.List;

/** A specialty with its sub-specialties (empty for a sub-specialty). */
public record SpecialtyView(String code, String name, String board, String parentCode, List<SpecialtyView> subSpecialties) {
}
