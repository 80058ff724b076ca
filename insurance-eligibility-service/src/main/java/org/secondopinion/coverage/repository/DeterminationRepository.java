package org.secondopinion.coverage.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.secondopinion.coverage.domain.BenefitRule;
import org.secondopinion.coverage.domain.Determination;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.coverage.domain.StringListConverter;
import org.secondopinion.platform.persistence.Sql;

/**
 * Determinations. A new determination is made from one read ({@link #facts}) and one insert ({@link #insert}),
 * both plain SQL: through Hibernate the same work was five finds and queries, a persist and a flush, about two
 * thirds of the worker threads' time for an eligibility check (a flight recording of the benchmark).
 * Reading a determination back, the insurer's answer and the timeout go through Hibernate as everywhere else.
 */
@ApplicationScoped
public class DeterminationRepository implements PanacheRepositoryBase<Determination, UUID> {

    private static final StringListConverter LINES = new StringListConverter();

    @Inject
    Sql sql;

    /**
     * Everything the rules need for one determination, read together. The entities are detached copies, not
     * managed by Hibernate.
     *
     * @param payerKnown whether the payer exists
     * @param member the member with this payer and member id (whatever the date of birth), or null
     * @param plan the member's plan, or null
     * @param selfPayPrice the specialty's self-pay price, or null
     * @param usedThisYear the member's covered second opinions counted in the year of the date of service,
     *        other than the case's own
     */
    public record Facts(boolean payerKnown, boolean answersThroughEvents, Integer inquiryTimeoutSeconds, Member member,
            Plan plan, SelfPayPrice selfPayPrice, long usedThisYear) {
    }

    /**
     * Reads payer, member, plan, self-pay price and the yearly usage in one statement. {@code payerId} and
     * {@code memberId} may be null (a self-paying case): then only the price is found.
     */
    public Facts facts(String payerId, String memberId, String specialtyCode, LocalDate dateOfService, String caseId) {
        return sql.first("""
                select p.id as payer_id, p.answers_through_events, p.inquiry_timeout_seconds,
                       m.id as member_ref, m.member_id, m.plan_id, m.first_name, m.last_name, m.date_of_birth,
                       m.coverage_start, m.coverage_end,
                       pl.name as plan_name, pl.benefit, pl.covered_specialties, pl.copay_amount, pl.coinsurance_percent,
                       pl.currency, pl.prior_authorization, pl.networks, pl.in_network_only, pl.yearly_limit,
                       sp.amount as self_pay_amount, sp.currency as self_pay_currency,
                       (select count(*) from benefit_usage u
                         where u.member_ref = m.id and u.usage_year = ? and u.released_at is null and u.case_id <> ?) as used
                from (select 1) as one
                left join payer p on p.id = ?
                left join member m on m.payer_id = p.id and m.member_id = ?
                left join plan pl on pl.id = m.plan_id
                left join self_pay_price sp on sp.specialty_code = ?""",
                row -> facts(row, payerId, specialtyCode),
                dateOfService.getYear(), caseId == null ? "" : caseId, payerId, memberId, specialtyCode).orElseThrow();
    }

    /**
     * Locks the member row until the transaction ends, so that two determinations of one member's cases take
     * turns on the yearly limit. No row (an unknown member) locks nothing.
     */
    public void lockMember(String payerId, String memberId) {
        sql.first("select id from member where payer_id = ? and member_id = ? for update", row -> Sql.uuid(row, "id"),
                payerId, memberId);
    }

    /** The self-pay price of a specialty, or null. */
    public SelfPayPrice selfPayPrice(String specialtyCode) {
        return sql.first("select amount, currency from self_pay_price where specialty_code = ?",
                row -> price(row, "amount", "currency", specialtyCode), specialtyCode).orElse(null);
    }

    /** Inserts a new determination (its version 0), as Hibernate would map it. */
    public void insert(Determination d) {
        sql.update("""
                insert into determination (id, origin, case_id, patient_id, requested_by, payer_id, member_id, first_name,
                    last_name, date_of_birth, specialty_code, surgery_recommended, date_of_service, member_ref, outcome,
                    final_determination, plan_id, plan_name, networks, in_network_only, copay_amount, coinsurance_percent,
                    currency, prior_authorization, self_pay_amount, self_pay_currency, reasons, rule, trace_number,
                    inquiry_deadline, answered_at, timed_out_at, determined_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                d.id, d.origin, d.caseId, d.patientId, d.requestedBy, d.payerId, d.memberId, d.firstName,
                d.lastName, d.dateOfBirth, d.specialtyCode, d.surgeryRecommended, d.dateOfService, d.memberRef, d.outcome,
                d.finalDetermination, d.planId, d.planName, LINES.convertToDatabaseColumn(d.networks), d.inNetworkOnly,
                d.copayAmount, d.coinsurancePercent, d.currency, d.priorAuthorization, d.selfPayAmount, d.selfPayCurrency,
                LINES.convertToDatabaseColumn(d.reasons), d.rule, d.traceNumber, d.inquiryDeadline, d.answeredAt,
                d.timedOutAt, d.determinedAt);
    }

    private static Facts facts(ResultSet row, String payerId, String specialtyCode) throws SQLException {
        boolean payerKnown = row.getString("payer_id") != null;
        Member member = null;
        Plan plan = null;
        UUID memberRef = Sql.uuid(row, "member_ref");
        if (memberRef != null) {
            member = new Member();
            member.id = memberRef;
            member.payerId = payerId;
            member.memberId = row.getString("member_id");
            member.planId = row.getString("plan_id");
            member.firstName = row.getString("first_name");
            member.lastName = row.getString("last_name");
            member.dateOfBirth = row.getObject("date_of_birth", LocalDate.class);
            member.coverageStart = row.getObject("coverage_start", LocalDate.class);
            member.coverageEnd = row.getObject("coverage_end", LocalDate.class);
            plan = new Plan();
            plan.id = member.planId;
            plan.payerId = payerId;
            plan.name = row.getString("plan_name");
            plan.benefit = BenefitRule.valueOf(row.getString("benefit"));
            plan.coveredSpecialties = LINES.convertToEntityAttribute(row.getString("covered_specialties"));
            plan.copayAmount = row.getBigDecimal("copay_amount");
            plan.coinsurancePercent = row.getBigDecimal("coinsurance_percent");
            plan.currency = row.getString("currency");
            plan.priorAuthorization = row.getBoolean("prior_authorization");
            plan.networks = LINES.convertToEntityAttribute(row.getString("networks"));
            plan.inNetworkOnly = row.getBoolean("in_network_only");
            plan.yearlyLimit = row.getObject("yearly_limit", Integer.class);
        }
        return new Facts(payerKnown, payerKnown && row.getBoolean("answers_through_events"),
                payerKnown ? row.getObject("inquiry_timeout_seconds", Integer.class) : null, member, plan,
                price(row, "self_pay_amount", "self_pay_currency", specialtyCode), row.getLong("used"));
    }

    private static SelfPayPrice price(ResultSet row, String amountColumn, String currencyColumn, String specialtyCode)
            throws SQLException {
        if (row.getBigDecimal(amountColumn) == null) {
            return null;
        }
        SelfPayPrice price = new SelfPayPrice();
        price.specialtyCode = specialtyCode;
        price.amount = row.getBigDecimal(amountColumn);
        price.currency = row.getString(currencyColumn);
        return price;
    }
}
