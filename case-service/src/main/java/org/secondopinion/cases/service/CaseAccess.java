package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.UUID;
import org.secondopinion.cases.domain.PatientCase;
import org.secondopinion.cases.repository.CaseRepository;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.security.Caller;
import org.secondopinion.platform.security.Roles;

/**
 * Object-level access to one case: the patient who owns it, the physician selected for it (from
 * selection on, matched by the token's NPI) and coordinators, as each endpoint allows. Anyone else
 * gets 404, as if the case did not exist, and the refusal is audited.
 */
@ApplicationScoped
public class CaseAccess {

    /** Who may act on a case through one endpoint. */
    public enum Party {
        OWNER,
        SELECTED_PHYSICIAN,
        COORDINATOR
    }

    public static final EnumSet<Party> OWNER_ONLY = EnumSet.of(Party.OWNER);
    public static final EnumSet<Party> PHYSICIAN_ONLY = EnumSet.of(Party.SELECTED_PHYSICIAN);
    public static final EnumSet<Party> OWNER_OR_COORDINATOR = EnumSet.of(Party.OWNER, Party.COORDINATOR);
    public static final EnumSet<Party> CARE_TEAM = EnumSet.of(Party.OWNER, Party.SELECTED_PHYSICIAN);
    public static final EnumSet<Party> ANYONE_INVOLVED = EnumSet.allOf(Party.class);

    @Inject
    CaseRepository cases;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The case locked for an update, or 404 (audited) when the caller may not act on it. */
    public PatientCase forUpdate(UUID id, String action, EnumSet<Party> allowed) {
        return check(cases.findForUpdate(id).orElse(null), id, action, allowed);
    }

    /** The case for reading, or 404 (audited) when the caller may not see it. */
    public PatientCase forRead(UUID id, String action, EnumSet<Party> allowed) {
        return check(cases.find(id).orElse(null), id, action, allowed);
    }

    /** Which party the caller is for this case, or null. */
    public Party partyOf(PatientCase found) {
        if (caller.hasRole(Roles.PATIENT) && found.patientId.equals(caller.subject())) {
            return Party.OWNER;
        }
        if (caller.hasRole(Roles.PHYSICIAN) && found.isSelectedPhysician(caller.npi().orElse(null))) {
            return Party.SELECTED_PHYSICIAN;
        }
        if (caller.hasRole(Roles.COORDINATOR)) {
            return Party.COORDINATOR;
        }
        return null;
    }

    private PatientCase check(PatientCase found, UUID id, String action, EnumSet<Party> allowed) {
        if (found == null) {
            throw ApiException.notFound("Case", id);
        }
        Party party = partyOf(found);
        if (party == null || !allowed.contains(party)) {
            // A coordinator knows every case exists: refuse plainly instead of pretending it does not.
            ApiException refusal = party == Party.COORDINATOR
                    ? ApiException.forbidden("Coordinators may not do this.")
                    : ApiException.notFound("Case", id);
            throw refusal.auditedAsDenied(action, "case", id, found.patientId);
        }
        return found;
    }
}
