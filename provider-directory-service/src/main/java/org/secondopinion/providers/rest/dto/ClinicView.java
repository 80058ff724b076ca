package org.secondopinion.providers.rest.dto;

import java.util.UUID;

/** A clinic; {@code distanceKm} is set when the request named a point. */
public record ClinicView(UUID id, String name, String address, String city, String stateCode,
        double latitude, double longitude, Double distanceKm) {
}
