package org.secondopinion.coverage.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.secondopinion.coverage.domain.Member;

public record MemberView(UUID id, String payerId, String memberId, String planId, String firstName, String lastName,
        LocalDate dateOfBirth, LocalDate coverageStart, LocalDate coverageEnd, long version) {

    static MemberView of(Member m) {
        return new MemberView(m.id, m.payerId, m.memberId, m.planId, m.firstName, m.lastName, m.dateOfBirth, m.coverageStart,
                m.coverageEnd, m.version);
    }
}
