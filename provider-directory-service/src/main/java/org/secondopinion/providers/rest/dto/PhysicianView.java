package org.secondopinion.providers.rest.dto;

import java.util.List;
import java.util.UUID;
import org.secondopinion.events.model.DocumentType;

/** A physician as the directory shows it, with every certification and how it was verified. */
public record PhysicianView(
        UUID id,
        String npi,
        String name,
        String firstName,
        String lastName,
        List<String> specialties,
        List<String> subSpecialties,
        Integer yearsInPractice,
        List<String> medicalSchools,
        List<String> hospitalAffiliations,
        String practiceName,
        String practiceNpi,
        List<ClinicView> clinics,
        List<String> networks,
        List<String> languages,
        List<String> licensedStates,
        boolean telehealth,
        List<String> telehealthStates,
        boolean acceptingSecondOpinions,
        List<DocumentType> requiredDocuments,
        boolean referralLetterRequired,
        List<CertificationView> boardCertifications,
        long version) {
}
