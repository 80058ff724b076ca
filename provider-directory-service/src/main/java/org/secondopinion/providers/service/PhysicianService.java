package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem;
import org.secondopinion.platform.web.ETags;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Clinic;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.domain.Specialty;
import org.secondopinion.providers.repository.ClinicRepository;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.rest.dto.CertificationRequest;
import org.secondopinion.providers.rest.dto.PhysicianRequest;
import org.secondopinion.providers.rest.dto.PhysicianView;

/** Creating, replacing and reading physicians. Directory data is not patient data: audits carry no patient. */
@ApplicationScoped
public class PhysicianService {

    public static final String RESOURCE = "physician";

    @Inject
    PhysicianRepository physicians;

    @Inject
    ClinicRepository clinics;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    AuditLog audit;

    @Transactional
    public PhysicianView create(PhysicianRequest request) {
        validate(request);
        if (physicians.findByNpi(request.npi()).isPresent()) {
            throw ApiException.conflict("A physician with NPI " + request.npi() + " is already in the directory.");
        }
        Physician physician = new Physician();
        physician.id = Uuids.timeOrdered();
        physician.npi = request.npi();
        physician.createdAt = now();
        apply(physician, request);
        physicians.persist(physician);
        physicians.refreshAreaLocations(List.of(physician.id));
        audit.record("CREATE", RESOURCE, physician.npi, null);
        return DirectoryViews.physician(physician);
    }

    @Transactional
    public PhysicianView replace(String npi, String ifMatch, PhysicianRequest request) {
        Physician physician = physicians.findByNpi(npi).orElseThrow(() -> ApiException.notFound("Physician", npi));
        ETags.requireMatch(ifMatch, physician.version);
        if (!npi.equals(request.npi())) {
            throw ApiException.invalid("The NPI of a physician cannot change.",
                    List.of(new Problem.FieldError("npi", "must equal the NPI in the path")));
        }
        validate(request);
        apply(physician, request);
        physicians.refreshAreaLocations(List.of(physician.id));
        audit.record("UPDATE", RESOURCE, npi, null);
        return DirectoryViews.physician(physician);
    }

    @Transactional
    public PhysicianView get(String npi) {
        Physician physician = physicians.findByNpi(npi).orElseThrow(() -> ApiException.notFound("Physician", npi));
        audit.record("READ", RESOURCE, npi, null);
        return DirectoryViews.physician(physician);
    }

    private void apply(Physician p, PhysicianRequest r) {
        p.firstName = r.firstName().strip();
        p.lastName = r.lastName().strip();
        p.specialties = distinct(r.specialties());
        p.subSpecialties = distinct(r.subSpecialties());
        p.yearsInPractice = r.yearsInPractice();
        p.medicalSchools = distinct(r.medicalSchools());
        p.hospitalAffiliations = distinct(r.hospitalAffiliations());
        p.practiceName = blankToNull(r.practiceName());
        p.practiceNpi = blankToNull(r.practiceNpi());
        p.networks = distinct(r.networks());
        p.languages = distinct(r.languages());
        p.licensedStates = distinct(r.licensedStates());
        p.telehealth = Boolean.TRUE.equals(r.telehealth());
        p.telehealthStates = distinct(r.telehealthStates());
        p.acceptingSecondOpinions = r.acceptingSecondOpinions() == null || r.acceptingSecondOpinions();
        List<DocumentType> documents = r.requiredDocuments() == null ? List.of() : r.requiredDocuments();
        p.requiredDocuments = documents.stream().distinct().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        p.referralLetterRequired = Boolean.TRUE.equals(r.referralLetterRequired());
        p.updatedAt = now();

        List<UUID> clinicIds = r.clinicIds() == null ? List.of() : r.clinicIds().stream().distinct().toList();
        Map<UUID, Clinic> found = clinicIds.isEmpty() ? Map.of()
                : clinics.list("id in ?1", clinicIds).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        p.clinics.clear();
        clinicIds.forEach(id -> p.clinics.add(found.get(id)));

        replaceCertifications(p, r.boardCertifications() == null ? List.of() : r.boardCertifications());
    }

    /** Keeps the verification of a certification whose claim did not change; a changed or new claim is due now. */
    private void replaceCertifications(Physician p, List<CertificationRequest> requests) {
        List<BoardCertification> kept = new ArrayList<>();
        for (CertificationRequest r : requests) {
            String sub = blankToNull(r.subSpecialtyCode());
            BoardCertification existing = p.certifications.stream()
                    .filter(c -> !kept.contains(c))
                    .filter(c -> c.sameClaim(r.board(), r.specialtyCode(), sub, r.status(), r.certifiedSince(), r.validUntil()))
                    .findFirst().orElse(null);
            if (existing != null) {
                kept.add(existing);
                continue;
            }
            BoardCertification c = new BoardCertification();
            c.id = Uuids.timeOrdered();
            c.physician = p;
            c.board = r.board().strip();
            c.specialtyCode = r.specialtyCode();
            c.subSpecialtyCode = sub;
            c.claimedStatus = r.status();
            c.certifiedSince = r.certifiedSince();
            c.validUntil = r.validUntil();
            c.nextDueAt = now();
            kept.add(c);
        }
        p.certifications.removeIf(c -> !kept.contains(c));
        kept.stream().filter(c -> !p.certifications.contains(c)).forEach(p.certifications::add);
    }

    private void validate(PhysicianRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!Npi.isValid(r.npi())) {
            errors.add(new Problem.FieldError("npi", "must be 10 digits with a valid check digit (Luhn with prefix 80840)"));
        }
        if (r.practiceNpi() != null && !r.practiceNpi().isBlank() && !Npi.isValid(r.practiceNpi())) {
            errors.add(new Problem.FieldError("practiceNpi", "must be 10 digits with a valid check digit (Luhn with prefix 80840)"));
        }
        Map<String, Specialty> taxonomy = specialties.listAll().stream().collect(Collectors.toMap(s -> s.code, s -> s));
        for (String code : r.specialties()) {
            Specialty s = taxonomy.get(code);
            if (s == null || s.isSubSpecialty()) {
                errors.add(new Problem.FieldError("specialties", "unknown specialty " + code));
            }
        }
        for (String code : r.subSpecialties() == null ? List.<String>of() : r.subSpecialties()) {
            Specialty s = taxonomy.get(code);
            if (s == null || !s.isSubSpecialty()) {
                errors.add(new Problem.FieldError("subSpecialties", "unknown sub-specialty " + code));
            }
        }
        List<CertificationRequest> certifications = r.boardCertifications() == null ? List.of() : r.boardCertifications();
        for (int i = 0; i < certifications.size(); i++) {
            CertificationRequest c = certifications.get(i);
            String field = "boardCertifications[" + i + "]";
            Specialty s = taxonomy.get(c.specialtyCode());
            if (s == null || s.isSubSpecialty()) {
                errors.add(new Problem.FieldError(field + ".specialtyCode", "unknown specialty " + c.specialtyCode()));
            }
            String sub = blankToNull(c.subSpecialtyCode());
            if (sub != null) {
                Specialty ss = taxonomy.get(sub);
                if (ss == null || !c.specialtyCode().equals(ss.parentCode)) {
                    errors.add(new Problem.FieldError(field + ".subSpecialtyCode",
                            "unknown sub-specialty of " + c.specialtyCode() + ": " + sub));
                }
            }
            if (c.certifiedSince() != null && c.validUntil() != null && c.validUntil().isBefore(c.certifiedSince())) {
                errors.add(new Problem.FieldError(field + ".validUntil", "must not be before certifiedSince"));
            }
        }
        List<UUID> clinicIds = r.clinicIds() == null ? List.of() : r.clinicIds();
        if (!clinicIds.isEmpty()) {
            Set<UUID> known = new HashSet<>(clinics.find("id in ?1", clinicIds).project(UUIDHolder.class).list()
                    .stream().map(UUIDHolder::id).toList());
            clinicIds.stream().filter(id -> !known.contains(id))
                    .forEach(id -> errors.add(new Problem.FieldError("clinicIds", "unknown clinic " + id)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The physician is not valid.", errors);
        }
    }

    /** Projection of a clinic's id. */
    public record UUIDHolder(UUID id) {
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
