package org.secondopinion.providers.rest.dto;

import java.util.List;

/** One search result: enough to choose, with the distance to the nearest clinic when a point was given. */
public record PhysicianSummary(
        String npi,
        String name,
        List<String> specialties,
        List<String> subSpecialties,
        Integer yearsInPractice,
        List<String> networks,
        List<String> languages,
        List<String> hospitalAffiliations,
        boolean telehealth,
        boolean acceptingSecondOpinions,
        List<String> verifiedCertifications,
        Double distanceKm,
        ClinicView nearestClinic) {
}
