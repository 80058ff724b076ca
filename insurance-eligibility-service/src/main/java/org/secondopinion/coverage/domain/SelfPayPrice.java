package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** What a second opinion in one specialty costs a patient who pays for it. */
@Entity
@Table(name = "self_pay_price")
public class SelfPayPrice {

    @Id
    @Column(name = "specialty_code")
    public String specialtyCode;

    public BigDecimal amount;

    public String currency;

    @Version
    public long version;
}
