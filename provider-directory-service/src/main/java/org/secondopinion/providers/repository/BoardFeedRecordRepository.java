package org.secondopinion.providers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.secondopinion.providers.domain.BoardFeedRecord;

@ApplicationScoped
public class BoardFeedRecordRepository implements PanacheRepositoryBase<BoardFeedRecord, UUID> {

    public List<BoardFeedRecord> forNpi(String npi) {
        return list("npi", npi);
    }
}
