package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.secondopinion.providers.domain.BoardFeedRecord;

@ApplicationScoped
public class BoardFeedRecordRepository implements PanacheRepositoryBase<BoardFeedRecord, UUID> {

    public List<BoardFeedRecord> forNpi(String npi) {
        return list("npi", npi);
    }

    public List<BoardFeedRecord> forNpis(Collection<String> npis) {
        return npis.isEmpty() ? List.of() : list("npi in ?1", npis);
    }
}
