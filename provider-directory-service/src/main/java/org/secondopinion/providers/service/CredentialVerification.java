package org.secondopinion.providers.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.secondopinion.events.PhysicianCredentialsChanged;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.events.model.VerificationOutcome;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.outbox.EventPublisher;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.providers.config.DirectoryConfig;
import org.secondopinion.providers.domain.BoardCertification;
import org.secondopinion.providers.domain.Physician;
import org.secondopinion.providers.repository.BoardCertificationRepository;
import org.secondopinion.providers.repository.PhysicianRepository;
import org.secondopinion.providers.rest.dto.CertificationView;
import org.secondopinion.providers.service.CertificationSource.SourceCertification;

/**
 * Verifies claimed certifications against the primary source, records the result (outcome, source,
 * time, next due date) and announces changes with PhysicianCredentialsChanged. A certification that
 * is no longer verified and current stops qualifying the physician for matching at once, because
 * matching reads the recorded result.
 */
@ApplicationScoped
public class CredentialVerification {

    private static final Logger LOG = Logger.getLogger(CredentialVerification.class);

    @Inject
    CertificationSource source;

    @Inject
    BoardCertificationRepository certifications;

    @Inject
    PhysicianRepository physicians;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditLog audit;

    @Inject
    DirectoryConfig config;

    /** The scheduled re-verification: everything due, in batches. */
    @Scheduled(every = "${smo.directory.verification.every}", delayed = "${smo.directory.verification.initial-delay}",
            identity = "credential-reverification", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int verified;
        int total = 0;
        do {
            verified = reverifyDue(Instant.now());
            total += verified;
        } while (verified >= config.verification().batchSize() && total < 100 * config.verification().batchSize());
        if (total > 0) {
            LOG.infof("Re-verified %d board certifications", total);
        }
    }

    /** Verifies one batch of certifications due at {@code now}; returns how many. */
    @Transactional
    public int reverifyDue(Instant now) {
        List<BoardCertification> due = certifications.lockDue(now, config.verification().batchSize());
        for (BoardCertification certification : due) {
            verify(certification, now);
        }
        return due.size();
    }

    /** Verifies every certification of one physician now (a coordinator's request). */
    @Transactional
    public List<CertificationView> verifyPhysician(String npi) {
        Physician physician = physicians.findByNpiForUpdate(npi).orElseThrow(() -> ApiException.notFound("Physician", npi));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Lock each certification as the scheduler does, so the two never verify (and announce) it twice.
        physician.certifications.forEach(c -> {
            certifications.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE);
            verify(c, now);
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return physician.certifications.stream().map(c -> DirectoryViews.certification(c, today)).toList();
    }

    private void verify(BoardCertification c, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Physician physician = c.physician;
        boolean wasMatchable = c.isVerifiedAndCurrent(today);
        VerificationOutcome previousOutcome = c.verificationOutcome;
        CertificationStatus previousStatus = c.verifiedStatus;

        List<SourceCertification> known = source.certificationsOf(physician.npi);
        Optional<SourceCertification> match = known.stream()
                .filter(s -> s.board().equalsIgnoreCase(c.board) && s.specialtyCode().equals(c.specialtyCode)
                        && Objects.equals(s.subSpecialtyCode(), c.subSpecialtyCode))
                .findFirst();
        VerificationOutcome outcome;
        CertificationStatus status;
        LocalDate validUntil = null;
        String sourceName;
        if (known.isEmpty()) {
            outcome = VerificationOutcome.NOT_FOUND;
            status = CertificationStatus.NOT_CERTIFIED;
            sourceName = c.board + " (no record for this NPI)";
        } else if (match.isEmpty()) {
            outcome = VerificationOutcome.MISMATCH;
            status = CertificationStatus.NOT_CERTIFIED;
            sourceName = known.get(0).source();
        } else {
            SourceCertification s = match.get();
            status = s.status();
            validUntil = s.validUntil();
            sourceName = s.source();
            boolean pastEnd = validUntil != null && validUntil.isBefore(today);
            if (status == CertificationStatus.CERTIFIED && !pastEnd) {
                outcome = VerificationOutcome.VERIFIED;
            } else if (status == CertificationStatus.EXPIRED || (status == CertificationStatus.CERTIFIED && pastEnd)) {
                outcome = VerificationOutcome.EXPIRED;
                status = CertificationStatus.EXPIRED;
            } else {
                // Suspended, revoked or not certified: the source contradicts the claim.
                outcome = VerificationOutcome.MISMATCH;
            }
        }
        c.verificationOutcome = outcome;
        c.verifiedStatus = status;
        c.verifiedValidUntil = validUntil;
        c.verificationSource = sourceName;
        c.verifiedAt = now;
        c.nextDueAt = nextDue(outcome, validUntil, now);
        audit.record("VERIFY", PhysicianService.RESOURCE, physician.npi, null);

        boolean changed = previousOutcome != outcome || previousStatus != status;
        if (changed) {
            boolean matchableNow = c.isVerifiedAndCurrent(today);
            boolean stillMatchableInArea = physician.certifications.stream()
                    .filter(other -> other.specialtyCode.equals(c.specialtyCode))
                    .anyMatch(other -> other.isVerifiedAndCurrent(today));
            publisher.publish(new PhysicianCredentialsChanged(physician.npi, physician.displayName(), outcome, c.board,
                    c.areaCode(), previousStatus, status, wasMatchable && !matchableNow, stillMatchableInArea, sourceName,
                    now, validUntil, c.nextDueAt));
        }
    }

    /** 36 months at most, or the end of the certification if sooner; a failed verification is retried sooner. */
    private Instant nextDue(VerificationOutcome outcome, LocalDate validUntil, Instant now) {
        Instant longest = now.atZone(ZoneOffset.UTC).plusMonths(config.verification().maxIntervalMonths()).toInstant();
        if (outcome != VerificationOutcome.VERIFIED) {
            Instant retry = now.plus(config.verification().retryAfter());
            return retry.isBefore(longest) ? retry : longest;
        }
        if (validUntil != null) {
            // Re-check the day after the last valid day: that is when a lapse becomes true.
            Instant end = validUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return end.isBefore(longest) ? end : longest;
        }
        return longest;
    }
}
