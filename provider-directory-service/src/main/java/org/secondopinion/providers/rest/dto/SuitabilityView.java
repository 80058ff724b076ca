package org.secondopinion.providers.rest.dto;

import java.util.List;

/**
 * Whether a physician would qualify for the case: when not, every reason; when so, why. A physician
 * the directory does not know does not qualify (code {@code NOT_IN_DIRECTORY}).
 */
public record SuitabilityView(String npi, String name, boolean inDirectory, boolean qualifies,
        List<Reason> reasons, List<String> why, Double distanceKm) {

    /** {@code code} is an ExclusionReason name, or NOT_IN_DIRECTORY. */
    public record Reason(String code, String message) {
    }
}
