package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.secondopinion.coverage.domain.Member;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {
}
