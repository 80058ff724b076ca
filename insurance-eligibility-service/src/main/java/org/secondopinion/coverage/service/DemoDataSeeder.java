package org.secondopinion.coverage.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.secondopinion.coverage.config.CoverageConfig;
import org.secondopinion.coverage.domain.BenefitRule;
import org.secondopinion.coverage.domain.Member;
import org.secondopinion.coverage.domain.Payer;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.coverage.repository.MemberRepository;
import org.secondopinion.coverage.repository.PayerRepository;
import org.secondopinion.coverage.repository.PlanRepository;
import org.secondopinion.coverage.repository.SelfPayPriceRepository;
import org.secondopinion.events.Uuids;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.persistence.Sql;

/**
 * The local stack's sample coverage data (the demo data contract), seeded at start when
 * {@code smo.coverage.seed.enabled}: payer ACME (rules kept here) with plan ACME-GOLD and member alice,
 * payer BEACON (answers through events; bob is in the insurer simulator's member file, not here), and a
 * self-pay price for every top-level specialty of the directory's catalogue. All of it synthetic.
 *
 * <p>Idempotent: only what is missing is added, and nothing present is changed (a coordinator's edits to
 * the sample survive a restart). Instances starting together take turns through an advisory lock.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);
    /** Any fixed number: serialises seeding between instances that start at once. */
    private static final long SEED_LOCK = 0x534d4f5345454443L;

    static final String ACME = "ACME";
    static final String BEACON = "BEACON";
    static final String ACME_GOLD = "ACME-GOLD";

    /** The directory's top-level specialty codes, with a synthetic self-pay price for a second opinion. */
    static final Map<String, String> SELF_PAY_PRICES = prices(
            "allergy-and-immunology", "420.00",
            "anesthesiology", "450.00",
            "cardiology", "700.00",
            "colon-and-rectal-surgery", "620.00",
            "dermatology", "380.00",
            "emergency-medicine", "400.00",
            "family-medicine", "300.00",
            "internal-medicine", "450.00",
            "medical-genetics-and-genomics", "750.00",
            "neurological-surgery", "800.00",
            "neurology", "650.00",
            "nuclear-medicine", "600.00",
            "obstetrics-and-gynecology", "500.00",
            "ophthalmology", "450.00",
            "orthopaedic-surgery", "650.00",
            "otolaryngology", "480.00",
            "pathology", "550.00",
            "pediatrics", "400.00",
            "physical-medicine-and-rehabilitation", "450.00",
            "plastic-surgery", "550.00",
            "preventive-medicine", "350.00",
            "psychiatry", "500.00",
            "radiation-oncology", "750.00",
            "radiology", "400.00",
            "surgery", "650.00",
            "thoracic-surgery", "850.00",
            "urology", "550.00");

    /** What one run added. */
    public record Seeded(int payers, int plans, int members, int prices) {
        public int total() {
            return payers + plans + members + prices;
        }
    }

    @Inject
    CoverageConfig config;

    @Inject
    PayerRepository payers;

    @Inject
    PlanRepository plans;

    @Inject
    MemberRepository members;

    @Inject
    SelfPayPriceRepository prices;

    @Inject
    AuditLog audit;

    @Inject
    Sql sql;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            Seeded seeded = seed();
            LOG.infof("Sample coverage data: added %d payers, %d plans, %d members, %d self-pay prices (the rest was there)",
                    seeded.payers(), seeded.plans(), seeded.members(), seeded.prices());
        }
    }

    /** Adds whatever of the sample is missing; changes nothing that is there. */
    @Transactional
    public Seeded seed() {
        sql.first("select 1 from (select pg_advisory_xact_lock(?)) as locked", row -> row.getInt(1), SEED_LOCK).orElseThrow();
        int payerCount = 0;
        int planCount = 0;
        int memberCount = 0;
        int priceCount = 0;

        payerCount += payer(ACME, "Acme Health", false) ? 1 : 0;
        // BEACON answers EligibilityInquiry events (the insurer simulator in the local stack); its plans and
        // members are the insurer's, so none are kept here.
        payerCount += payer(BEACON, "Beacon Mutual", true) ? 1 : 0;
        payers.flush();

        if (plans.findById(ACME_GOLD) == null) {
            Plan plan = new Plan();
            plan.id = ACME_GOLD;
            plan.payerId = ACME;
            plan.name = "Acme Gold PPO";
            plan.benefit = BenefitRule.ALWAYS;
            plan.coveredSpecialties = List.of();
            plan.copayAmount = new BigDecimal("40.00");
            plan.currency = "USD";
            plan.priorAuthorization = false;
            plan.networks = List.of("ACME-PPO");
            plan.inNetworkOnly = false;
            // Generous, so that the demo and the end-to-end journeys can be run again and again on the same data.
            plan.yearlyLimit = 12;
            plans.persist(plan);
            plans.flush();
            planCount++;
        }

        if (members.find("payerId = ?1 and memberId = ?2", ACME, "ACME-100234").firstResultOptional().isEmpty()) {
            Member alice = new Member();
            alice.id = Uuids.timeOrdered();
            alice.payerId = ACME;
            alice.memberId = "ACME-100234";
            alice.planId = ACME_GOLD;
            alice.firstName = "Alice";
            alice.lastName = "Anderson";
            alice.dateOfBirth = LocalDate.of(1984, 5, 12);
            alice.coverageStart = LocalDate.of(2024, 1, 1);
            alice.coverageEnd = null;
            members.persist(alice);
            audit.record("CREATE", MemberService.RESOURCE, alice.id, null);
            memberCount++;
        }

        for (Map.Entry<String, String> e : SELF_PAY_PRICES.entrySet()) {
            if (prices.findById(e.getKey()) == null) {
                SelfPayPrice price = new SelfPayPrice();
                price.specialtyCode = e.getKey();
                price.amount = new BigDecimal(e.getValue());
                price.currency = "USD";
                prices.persist(price);
                priceCount++;
            }
        }
        return new Seeded(payerCount, planCount, memberCount, priceCount);
    }

    private boolean payer(String id, String name, boolean answersThroughEvents) {
        if (payers.findById(id) != null) {
            return false;
        }
        Payer payer = new Payer();
        payer.id = id;
        payer.name = name;
        payer.answersThroughEvents = answersThroughEvents;
        payer.inquiryTimeoutSeconds = null;
        payers.persist(payer);
        return true;
    }

    private static Map<String, String> prices(String... codeAndAmount) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codeAndAmount.length; i += 2) {
            map.put(codeAndAmount[i], codeAndAmount[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
