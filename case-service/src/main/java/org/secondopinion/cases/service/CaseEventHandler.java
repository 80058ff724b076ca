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
            cases.save(c);
            audit.record("APPLY_COVERAGE", CaseService.RESOURCE, c.id, c.patientId);
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
            cases.save(c);
            audit.record("APPLY_MATCHES", CaseService.RESOURCE, c.id, c.patientId);
        });
    }

    @Transactional(TxType.MANDATORY)
    public void apply(OpinionIssued event) {
        lockedCase(event.caseId(), "OpinionIssued").ifPresent(c -> {
            if (c.status != CaseStatus.UNDER_REVIEW || !event.physicianNpi().equals(c.selectedNpi)) {
                LOG.warnf("Ignored OpinionIssued for case %s in status %s", c.id, c.status);
                return;
            }
            Instant now = CaseService.now();
            c.reportId = event.reportId();
            c.reportVersion = event.version();
            c.opinionAgreement = event.agreement();
            c.opinionAt = event.issuedAt();
            service.transition(c, CaseStatus.OPINION_ISSUED, now);
            cases.save(c);
            audit.record("APPLY_OPINION", CaseService.RESOURCE, c.id, c.patientId);
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
            cases.save(c);
            audit.record("APPLY_OPINION_AMENDMENT", CaseService.RESOURCE, c.id, c.patientId);
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
