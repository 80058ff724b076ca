package org.secondopinion.providers.service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.rest.dto.CertificationView;
import org.secondopinion.providers.rest.dto.ClinicView;
import org.secondopinion.providers.rest.dto.PhysicianView;
import org.secondopinion.providers.rest.dto.VerificationView;

/** Entities to the records that go on the wire. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    public static PhysicianView physician(Physician p) {
        LocalDate today = LocalDate.now();
        return new PhysicianView(p.id, p.npi, p.displayName(), p.firstName, p.lastName, List.copyOf(p.specialties),
                List.copyOf(p.subSpecialties), p.yearsInPractice, List.copyOf(p.medicalSchools),
                List.copyOf(p.hospitalAffiliations), p.practiceName, p.practiceNpi,
                p.clinics.stream().map(c -> clinic(c, null)).toList(), List.copyOf(p.networks), List.copyOf(p.languages),
                List.copyOf(p.licensedStates), p.telehealth, List.copyOf(p.telehealthStates), p.acceptingSecondOpinions,
                p.requiredDocuments.stream().map(DocumentType::valueOf).toList(), p.referralLetterRequired,
                p.certifications.stream().sorted(Comparator.comparing(BoardCertification::areaCode))
                        .map(c -> certification(c, today)).toList(),
                p.version);
    }

    public static CertificationView certification(BoardCertification c, LocalDate today) {
        VerificationView verification = c.verificationOutcome == null ? null
                : new VerificationView(c.verificationOutcome, c.verifiedStatus, c.verifiedValidUntil, c.verificationSource,
                        c.verifiedAt, c.nextDueAt);
        return new CertificationView(c.id, c.board, c.specialtyCode, c.subSpecialtyCode, c.claimedStatus, c.certifiedSince,
                c.validUntil, c.isVerifiedAndCurrent(today), verification);
    }

    public static ClinicView clinic(Clinic c, Double distanceKm) {
        return new ClinicView(c.id, c.name, c.address, c.city, c.stateCode, c.latitude, c.longitude, distanceKm);
    }
}
