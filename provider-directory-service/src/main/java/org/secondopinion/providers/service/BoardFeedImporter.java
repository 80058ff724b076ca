package org.secondopinion.providers.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.secondopinion.events.Uuids;
import org.secondopinion.events.model.CertificationStatus;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.providers.domain.BoardFeedRecord;
import org.secondopinion.providers.domain.Npi;
import org.secondopinion.providers.domain.Specialty;
import org.secondopinion.providers.repository.BoardCertificationRepository;
import org.secondopinion.providers.repository.BoardFeedRecordRepository;
import org.secondopinion.providers.repository.SpecialtyRepository;
import org.secondopinion.providers.rest.dto.ImportReport;
import org.secondopinion.providers.rest.dto.ImportReport.RejectedRow;

/**
 * Imports a board's certification feed (CSV with the header
 * {@code npi,board,specialty,sub_specialty,status,certified_since,valid_until}). Good rows are kept
 * (a row for a certification already known replaces it); malformed rows are reported with their line
 * numbers. The certifications of the physicians named in the feed become due, so the next scheduled
 * run re-verifies them against the new data.
 */
@ApplicationScoped
public class BoardFeedImporter {

    public static final List<String> HEADER = List.of("npi", "board", "specialty", "sub_specialty", "status",
            "certified_since", "valid_until");

    @Inject
    BoardFeedRecordRepository records;

    @Inject
    SpecialtyRepository specialties;

    @Inject
    BoardCertificationRepository certifications;

    @Inject
    AuditLog audit;

    @Transactional
    public ImportReport importCsv(String csv, String sourceName) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("The feed is empty.");
        }
        String[] lines = csv.split("\\r?\\n", -1);
        List<String> header = parseLine(lines[0]).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(HEADER)) {
            throw ApiException.badRequest("Line 1 must be the header " + String.join(",", HEADER) + ".");
        }
        Map<String, Specialty> taxonomy = specialties.listAll().stream().collect(Collectors.toMap(s -> s.code, s -> s));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> npis = new LinkedHashSet<>();
        int imported = 0;
        for (int i = 1; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = parseLine(lines[i]);
            String problem = problem(fields, taxonomy);
            if (problem != null) {
                rejected.add(new RejectedRow(lineNumber, problem));
                continue;
            }
            String board = fields.get(1).strip();
            String source = sourceName != null && !sourceName.isBlank() ? sourceName.strip()
                    : board + " data feed, imported " + today;
            String npi = fields.get(0).strip();
            String specialty = fields.get(2).strip();
            String sub = fields.get(3).strip();
            BoardFeedRecord record = records.find("npi = ?1 and board = ?2 and specialtyCode = ?3 and subSpecialtyCode = ?4",
                    npi, board, specialty, sub).firstResult();
            boolean known = record != null;
            if (!known) {
                record = new BoardFeedRecord();
                record.id = Uuids.timeOrdered();
                record.npi = npi;
                record.board = board;
                record.specialtyCode = specialty;
                record.subSpecialtyCode = sub;
            }
            record.status = status(fields.get(4));
            record.certifiedSince = date(fields.get(5));
            record.validUntil = date(fields.get(6));
            record.source = source;
            record.importedAt = now;
            if (!known) {
                records.persist(record);
            }
            npis.add(fields.get(0).strip());
            imported++;
        }
        int due = certifications.markDueForNpis(npis, now);
        audit.record("IMPORT", "board-feed", sourceName == null ? "feed" : sourceName, null);
        return new ImportReport(sourceName, imported, rejected, due);
    }

    private static String problem(List<String> f, Map<String, Specialty> taxonomy) {
        if (f.size() != HEADER.size()) {
            return "expected " + HEADER.size() + " fields, found " + f.size();
        }
        List<String> problems = new ArrayList<>();
        if (!Npi.isValid(f.get(0).strip())) {
            problems.add("npi is not a valid NPI");
        }
        if (f.get(1).isBlank() || f.get(1).strip().length() > 200) {
            problems.add("board is required (at most 200 characters)");
        }
        Specialty specialty = taxonomy.get(f.get(2).strip());
        if (specialty == null || specialty.isSubSpecialty()) {
            problems.add("specialty is not a known specialty code");
        }
        String sub = f.get(3).strip();
        if (!sub.isEmpty()) {
            Specialty s = taxonomy.get(sub);
            if (s == null || specialty == null || !specialty.code.equals(s.parentCode)) {
                problems.add("sub_specialty is not a sub-specialty of the specialty");
            }
        }
        if (status(f.get(4)) == null) {
            problems.add("status must be one of CERTIFIED, EXPIRED, SUSPENDED, REVOKED, NOT_CERTIFIED");
        }
        LocalDate since = null;
        LocalDate until = null;
        try {
            since = date(f.get(5));
        } catch (DateTimeParseException e) {
            problems.add("certified_since must be a date (YYYY-MM-DD)");
        }
        try {
            until = date(f.get(6));
        } catch (DateTimeParseException e) {
            problems.add("valid_until must be a date (YYYY-MM-DD)");
        }
        if (since != null && until != null && until.isBefore(since)) {
            problems.add("valid_until is before certified_since");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static CertificationStatus status(String value) {
        try {
            return CertificationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    /** One CSV line (RFC 4180 quoting: fields in double quotes may hold commas, and "" is a quote). */
    static List<String> parseLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
