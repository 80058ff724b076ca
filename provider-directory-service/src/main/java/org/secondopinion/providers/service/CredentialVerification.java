package org.secondopinion.providers.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
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
        // One question to the source for the whole batch rather than one per certification.
        Map<String, List<SourceCertification>> known = source.certificationsOf(
                due.stream().map(c -> c.physician.npi).collect(Collectors.toSet()));
        for (BoardCertification certification : due) {
            verify(certification, now, known.getOrDefault(certification.physician.npi, List.of()));
        }
        return due.size();
    }

    /**
     * Verifies everything due now, batch after batch, until nothing is due (the sample directory right
     * after seeding); answers how many were verified.
     */
    public int verifyAllDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long giveUp = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int total = 0;
        while (System.nanoTime() < giveUp) {
            int verified = reverifyDue(now);
            total += verified;
            if (verified == 0) {
                // Nothing left that this call could lock; rows the scheduled job holds are done when it commits.
                if (certifications.count("nextDueAt is null or nextDueAt <= ?1", now) == 0) {
                    break;
                }
                sleep(Duration.ofMillis(200));
            }
        }
        return total;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        verify(c, now, source.certificationsOf(c.physician.npi));
    }

    private void verify(BoardCertification c, Instant now, List<SourceCertification> known) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Physician physician = c.physician;
        boolean wasMatchable = c.isVerifiedAndCurrent(today);
        VerificationOutcome previousOutcome = c.verificationOutcome;
        CertificationStatus previousStatus = c.verifiedStatus;

        Verdict verdict = judge(c, known, today);
        c.verificationOutcome = verdict.outcome();
        c.verifiedStatus = verdict.status();
        c.verifiedValidUntil = verdict.validUntil();
        c.verificationSource = verdict.source();
        c.verifiedAt = now;
        c.nextDueAt = nextDue(verdict.outcome(), verdict.validUntil(), now);
        audit.record("VERIFY", PhysicianService.RESOURCE, physician.npi, null);

        boolean changed = previousOutcome != verdict.outcome() || previousStatus != verdict.status();
        if (changed) {
            boolean matchableNow = c.isVerifiedAndCurrent(today);
            boolean stillMatchableInArea = physician.certifications.stream()
                    .filter(other -> other.specialtyCode.equals(c.specialtyCode))
                    .anyMatch(other -> other.isVerifiedAndCurrent(today));
            publisher.publish(new PhysicianCredentialsChanged(physician.npi, physician.displayName(), verdict.outcome(), c.board,
                    c.areaCode(), previousStatus, verdict.status(), wasMatchable && !matchableNow, stillMatchableInArea,
                    verdict.source(), now, verdict.validUntil(), c.nextDueAt));
        }
    }

    /**
     * What a primary source's answer means for one claimed certification.
     *
     * @param outcome verified, mismatch, not found or expired
     * @param status the status the source reported (NOT_CERTIFIED when it has no such certification)
     * @param validUntil the end of validity the source reported
     * @param source what was consulted, shown to patients
     */
    public record Verdict(VerificationOutcome outcome, CertificationStatus status, LocalDate validUntil, String source) {
    }

    /** The verification rule, without I/O: a claim against everything the source knows about the physician. */
    public static Verdict judge(BoardCertification c, List<SourceCertification> known, LocalDate today) {
        Optional<SourceCertification> match = known.stream()
                .filter(s -> s.board().equalsIgnoreCase(c.board) && s.specialtyCode().equals(c.specialtyCode)
                        && Objects.equals(s.subSpecialtyCode(), c.subSpecialtyCode))
                .findFirst();
        if (known.isEmpty()) {
            return new Verdict(VerificationOutcome.NOT_FOUND, CertificationStatus.NOT_CERTIFIED, null,
                    c.board + " (no record for this NPI)");
        }
        if (match.isEmpty()) {
            return new Verdict(VerificationOutcome.MISMATCH, CertificationStatus.NOT_CERTIFIED, null, known.get(0).source());
        }
        SourceCertification s = match.get();
        CertificationStatus status = s.status();
        LocalDate validUntil = s.validUntil();
        boolean pastEnd = validUntil != null && validUntil.isBefore(today);
        if (status == CertificationStatus.CERTIFIED && !pastEnd) {
            return new Verdict(VerificationOutcome.VERIFIED, status, validUntil, s.source());
        }
        if (status == CertificationStatus.EXPIRED || (status == CertificationStatus.CERTIFIED && pastEnd)) {
            return new Verdict(VerificationOutcome.EXPIRED, CertificationStatus.EXPIRED, validUntil, s.source());
        }
        // Suspended, revoked or not certified: the source contradicts the claim.
        return new Verdict(VerificationOutcome.MISMATCH, status, validUntil, s.source());
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
