package org.secondopinion.providers.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.secondopinion.events.model.CertificationStatus;

/**
 * A primary source of board certifications. The directory ships one backed by imported board feeds
 * ({@link BoardFeedSource}); a licensed live service (for example a board's certification API) would
 * implement the same interface and replace it as an alternative bean.
 */
public interface CertificationSource {

    /** Everything the source knows about one physician; empty when it does not know the NPI. */
    List<SourceCertification> certificationsOf(String npi);

    /** Everything the source knows about several physicians at once, by NPI (a batch of verifications). */
    default Map<String, List<SourceCertification>> certificationsOf(Collection<String> npis) {
        Map<String, List<SourceCertification>> all = new HashMap<>();
        npis.forEach(npi -> all.put(npi, certificationsOf(npi)));
        return all;
    }

    /**
     * One certification as the source reports it.
     *
     * @param subSpecialtyCode null for the specialty itself
     * @param source what was consulted, shown to patients (for example "ABIM data feed 2026-11")
     */
    record SourceCertification(String board, String specialtyCode, String subSpecialtyCode, CertificationStatus status,
            LocalDate certifiedSince, LocalDate validUntil, String source) {
    }
}
