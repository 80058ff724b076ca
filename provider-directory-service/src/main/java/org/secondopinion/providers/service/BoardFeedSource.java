package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.secondopinion.providers.repository.BoardFeedRecordRepository;

/** The primary source made of the boards' data feeds imported through {@code POST /api/board-feeds}. */
@ApplicationScoped
public class BoardFeedSource implements CertificationSource {

    @Inject
    BoardFeedRecordRepository records;

    @Override
    public List<SourceCertification> certificationsOf(String npi) {
        return records.forNpi(npi).stream()
                .map(r -> new SourceCertification(r.board, r.specialtyCode, r.subSpecialtyCode.isEmpty() ? null : r.subSpecialtyCode,
                        r.status, r.certifiedSince, r.validUntil, r.source))
                .toList();
    }
}
