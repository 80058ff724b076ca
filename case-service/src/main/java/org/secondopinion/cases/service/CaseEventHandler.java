package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.repository.CaseRepository;
import org.secondopinion.events.CoverageDetermined;
import org.secondopinion.events.OpinionAmended;
import org.secondopinion.events.OpinionIssued;
import org.secondopinion.events.ProvidersMatched;
import org.secondopinion.platform.audit.AuditLog;

/**
 * Applies other services' facts to cases. Coverage and matches may arrive in either order: the case
 * keeps each, and its options are ready when both are there. Each is applied once (the inbox) and an
 * older fact never replaces a newer one. Events about unknown cases, or that the case's state no longer
 * expects, change nothing; logs name the case id and event type only.
 */
@ApplicationScoped
public class CaseEventHandler {

    private static final Logger LOG = Logger.getLogger(CaseEventHandler.class);

    @Inject
    CaseRepository cases;

    @Inject
    CaseService service;

    @Inject
    AuditLog audit;

    @Transactional(TxType.MANDATORY)
    public void apply(CoverageDetermined event) {
        lockedCase(event.caseId(), "CoverageDetermined").ifPresent(c -> {
            CoverageDetermined current = c.coverage();
            if (current != null && current.determinedAt().isAfter(event.determinedAt())) {
                return;
            }
            c.coverage(event);
            c.coverageAt = CaseService.now();
            optionsMaybeReady(c);
            audit.record("APPLY_COVERAGE", CaseService.RESOURCE, c.id, c.patientId);
            cases.save(c);
        });
    }

    @Transactional(TxType.MANDATORY)
    public void apply(ProvidersMatched event) {
        lockedCase(event.caseId(), "ProvidersMatched").ifPresent(c -> {
            ProvidersMatched current = c.matches();
            if (current != null && current.matchedAt().isAfter(event.matchedAt())) {
                return;
            }
            c.matches(event);
            c.matchedAt = CaseService.now();
            optionsMaybeReady(c);
            audit.record("APPLY_MATCHES", CaseService.RESOURCE, c.id, c.patientId);
            cases.save(c);
        });
    }

    /**
     * The reviewer's opinion: the case moves to OPINION_ISSUED. An issued opinion stands, as it does in
     * report-service: when the physician declined the case while issuing it (the two crossed; the decline
     * reached this service first), the opinion still arrives here and counts. The case has no opinion yet and
     * is still open, the physician becomes its reviewer again, and a physician selected since loses the case
     * (report-service keeps the issued report and ignores the later selection). report-service publishes an
     * opinion only for a physician it had assigned to this case, so one from an excluded physician is one
     * who declined it. Any other opinion (a cancelled or closed case, a physician never selected) changes nothing.
     */
    @Transactional(TxType.MANDATORY)
    public void apply(OpinionIssued event) {
        lockedCase(event.caseId(), "OpinionIssued").ifPresent(c -> {
            String npi = event.physicianNpi();
            boolean fromReviewer = c.status == CaseStatus.UNDER_REVIEW && npi.equals(c.selectedNpi);
            boolean fromDeclined = c.reportId == null && c.excludedNpis().contains(npi)
                    && c.status.canMoveTo(CaseStatus.OPINION_ISSUED);
            if (!fromReviewer && !fromDeclined) {
                LOG.warnf("Ignored OpinionIssued for case %s in status %s", c.id, c.status);
                return;
            }
            if (!fromReviewer) {
                LOG.infof("Case %s: an opinion issued by the physician who declined it stands", c.id);
                c.selectedNpi = npi;
                ProvidersMatched matches = c.matches();
                c.selectedName = matches == null ? null : matches.candidates().stream()
                        .filter(candidate -> candidate.npi().equals(npi)).map(candidate -> candidate.name())
                        .findFirst().orElse(null);
                // When they were selected was cleared by the decline; a later selection's time is not theirs.
                c.selectedAt = null;
            }
            Instant now = CaseService.now();
            c.reportId = event.reportId();
            c.reportVersion = event.version();
            c.opinionAgreement = event.agreement();
            c.opinionAt = event.issuedAt();
            service.transition(c, CaseStatus.OPINION_ISSUED, now);
            audit.record("APPLY_OPINION", CaseService.RESOURCE, c.id, c.patientId);
            cases.save(c);
        });
    }

    @Transactional(TxType.MANDATORY)
    public void apply(OpinionAmended event) {
        lockedCase(event.caseId(), "OpinionAmended").ifPresent(c -> {
            if (!event.reportId().equals(c.reportId) || c.reportVersion == null || event.version() <= c.reportVersion) {
                return;
            }
            c.reportVersion = event.version();
            c.opinionAgreement = event.agreement();
            c.updatedAt = CaseService.now();
            audit.record("APPLY_OPINION_AMENDMENT", CaseService.RESOURCE, c.id, c.patientId);
            cases.save(c);
        });
    }

    private void optionsMaybeReady(PatientCase c) {
        c.updatedAt = CaseService.now();
        if (c.status == CaseStatus.SUBMITTED && c.coverage() != null && c.matches() != null) {
            service.transition(c, CaseStatus.OPTIONS_READY, c.updatedAt);
        }
    }

    private Optional<PatientCase> lockedCase(String caseId, String eventType) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignored %s for a case id that is not a UUID", eventType);
            return Optional.empty();
        }
        Optional<PatientCase> found = cases.findForUpdate(id);
        if (found.isEmpty()) {
            LOG.warnf("Ignored %s for unknown case %s", eventType, id);
        } else if (found.get().status == CaseStatus.CANCELLED || found.get().status == CaseStatus.DRAFT) {
            LOG.infof("Ignored %s for case %s in status %s", eventType, id, found.get().status);
            return Optional.empty();
        }
        return found;
    }
}
