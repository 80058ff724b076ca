package org.secondopinion.providers.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.secondopinion.events.model.DocumentType;

/** What a coordinator sends to create or replace a physician. */
public record PhysicianRequest(
        @NotBlank String npi,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotEmpty List<@NotBlank String> specialties,
        List<@NotBlank String> subSpecialties,
        @Min(0) @Max(80) Integer yearsInPractice,
        List<@NotBlank @Size(max = 200) String> medicalSchools,
        List<@NotBlank @Size(max = 200) String> hospitalAffiliations,
        @Size(max = 200) String practiceName,
        @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String practiceNpi,
        List<UUID> clinicIds,
        List<@NotBlank @Size(max = 80) String> networks,
        List<@NotBlank @Size(max = 35) String> languages,
        List<@Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String> licensedStates,
        Boolean telehealth,
        List<@Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String> telehealthStates,
        Boolean acceptingSecondOpinions,
        List<DocumentType> requiredDocuments,
        Boolean referralLetterRequired,
        List<@Valid CertificationRequest> boardCertifications) {
}
