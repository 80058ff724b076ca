package org.secondopinion.coverage.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.List;

/** A payer's plan and its second-opinion benefit. */
@Entity
@Table(name = "plan")
public class Plan {

    @Id
    public String id;

    @Column(name = "payer_id")
    public String payerId;

    public String name;

    @Enumerated(EnumType.STRING)
    public BenefitRule benefit;

    @Convert(converter = StringListConverter.class)
    @Column(name = "covered_specialties")
    public List<String> coveredSpecialties = List.of();

    @Column(name = "copay_amount")
    public BigDecimal copayAmount;

    @Column(name = "coinsurance_percent")
    public BigDecimal coinsurancePercent;

    public String currency;

    @Column(name = "prior_authorization")
    public boolean priorAuthorization;

    @Convert(converter = StringListConverter.class)
    public List<String> networks = List.of();

    @Column(name = "in_network_only")
    public boolean inNetworkOnly;

    /** At most this many covered second opinions per calendar year; null for no limit. */
    @Column(name = "yearly_limit")
    public Integer yearlyLimit;

    @Version
    public long version;
}
