package org.secondopinion.reports.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A letter to the primary provider explaining how an issued version differs; its PDF is kept as issued. */
@Entity
@Immutable
@Table(name = "provider_letter")
public class ProviderLetter {

    @Id
    public UUID id;
    public UUID reportId;
    public int reportVersion;
    public String caseId;
    public String providerName;
    public String providerNpi;
    public byte[] pdf;
    public String contentHash;
    public Instant issuedAt;
}
