package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.secondopinion.providers.domain.BoardFeedRecord;
import org.secondopinion.providers.repository.BoardFeedRecordRepository;

/** The primary source made of the boards' data feeds imported through {@code POST /api/board-feeds}. */
@ApplicationScoped
public class BoardFeedSource implements CertificationSource {

    @Inject
    BoardFeedRecordRepository records;

    @Override
    public List<SourceCertification> certificationsOf(String npi) {
        return records.forNpi(npi).stream().map(BoardFeedSource::of).toList();
    }

    @Override
    public Map<String, List<SourceCertification>> certificationsOf(Collection<String> npis) {
        return records.forNpis(npis).stream()
                .collect(Collectors.groupingBy(r -> r.npi, Collectors.mapping(BoardFeedSource::of, Collectors.toList())));
    }

    /** A feed record as the source's answer. */
    public static SourceCertification of(BoardFeedRecord r) {
        return new SourceCertification(r.board, r.specialtyCode, r.subSpecialtyCode.isEmpty() ? null : r.subSpecialtyCode,
                r.status, r.certifiedSince, r.validUntil, r.source);
    }
}
