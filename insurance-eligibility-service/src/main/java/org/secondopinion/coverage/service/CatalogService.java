package org.secondopinion.coverage.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.secondopinion.coverage.domain.Payer;
import org.secondopinion.coverage.domain.Plan;
import org.secondopinion.coverage.domain.SelfPayPrice;
import org.secondopinion.coverage.repository.PayerRepository;
import org.secondopinion.coverage.repository.PlanRepository;
import org.secondopinion.coverage.repository.SelfPayPriceRepository;
import org.secondopinion.coverage.rest.PayerRequest;
import org.secondopinion.coverage.rest.PlanRequest;
import org.secondopinion.coverage.rest.SelfPayPriceRequest;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.web.ETags;

/** Payers, plans and the self-pay price list. None of it is health data, so none of it is audited. */
@ApplicationScoped
public class CatalogService {

    @Inject
    PayerRepository payers;

    @Inject
    PlanRepository plans;

    @Inject
    SelfPayPriceRepository prices;

    @Inject
    PayerScope scope;

    @Transactional
    public Payer createPayer(PayerRequest request) {
        if (payers.findById(request.id()) != null) {
            throw ApiException.conflict("Payer " + request.id() + " already exists.");
        }
        Payer payer = new Payer();
        payer.id = request.id();
        apply(payer, request);
        payers.persist(payer);
        payers.flush();
        return payer;
    }

    @Transactional
    public Payer updatePayer(String id, String ifMatch, PayerRequest request) {
        Payer payer = payer(id);
        ETags.requireMatch(ifMatch, payer.version);
        if (!id.equals(request.id())) {
            throw ApiException.badRequest("The payer id cannot change.");
        }
        apply(payer, request);
        payers.flush();
        return payer;
    }

    private static void apply(Payer payer, PayerRequest request) {
        payer.name = request.name();
        payer.answersThroughEvents = request.answersThroughEvents();
        payer.inquiryTimeoutSeconds = request.inquiryTimeoutSeconds();
    }

    @Transactional
    public List<Payer> listPayers() {
        return payers.listAll(Sort.by("id"));
    }

    @Transactional
    public Payer payer(String id) {
        Payer payer = payers.findById(id);
        if (payer == null) {
            throw ApiException.notFound("Payer", id);
        }
        return payer;
    }

    /** A payer the caller may manage: an insurer's own; 404 for another's. */
    Payer managedPayer(String id) {
        scope.requireVisible(id, "Payer", id);
        return payer(id);
    }

    @Transactional
    public Plan createPlan(PlanRequest request) {
        managedPayer(request.payerId());
        if (plans.findById(request.id()) != null) {
            throw ApiException.conflict("Plan " + request.id() + " already exists.");
        }
        Plan plan = new Plan();
        plan.id = request.id();
        plan.payerId = request.payerId();
        apply(plan, request);
        plans.persist(plan);
        plans.flush();
        return plan;
    }

    @Transactional
    public Plan updatePlan(String id, String ifMatch, PlanRequest request) {
        Plan plan = plan(id);
        ETags.requireMatch(ifMatch, plan.version);
        if (!plan.id.equals(request.id()) || !plan.payerId.equals(request.payerId())) {
            throw ApiException.badRequest("A plan's id and payer cannot change.");
        }
        apply(plan, request);
        plans.flush();
        return plan;
    }

    private static void apply(Plan plan, PlanRequest request) {
        List<String> specialties = request.coveredSpecialties() == null ? List.of() : List.copyOf(request.coveredSpecialties());
        if (request.benefit() == org.secondopinion.coverage.domain.BenefitRule.LISTED_SPECIALTIES && specialties.isEmpty()) {
            throw ApiException.invalid("A plan that covers listed specialties must list at least one.",
                    List.of(new org.secondopinion.platform.problem.Problem.FieldError("coveredSpecialties", "must not be empty")));
        }
        List<String> networks = request.networks() == null ? List.of() : List.copyOf(request.networks());
        if (request.inNetworkOnly() && networks.isEmpty()) {
            throw ApiException.invalid("An in-network-only plan must name its networks.",
                    List.of(new org.secondopinion.platform.problem.Problem.FieldError("networks", "must not be empty")));
        }
        plan.name = request.name();
        plan.benefit = request.benefit();
        plan.coveredSpecialties = specialties;
        plan.copayAmount = request.copay();
        plan.coinsurancePercent = request.coinsurancePercent();
        plan.currency = request.currency() == null ? "USD" : request.currency();
        plan.priorAuthorization = request.priorAuthorizationRequired();
        plan.networks = networks;
        plan.inNetworkOnly = request.inNetworkOnly();
        plan.yearlyLimit = request.yearlyLimit();
    }

    /** A plan the caller may see: 404 for another payer's. */
    @Transactional
    public Plan plan(String id) {
        Plan plan = plans.findById(id);
        if (plan == null || !scope.canSee(plan.payerId)) {
            throw ApiException.notFound("Plan", id);
        }
        return plan;
    }

    @Transactional
    public List<Plan> listPlans(String payerId) {
        String visible = scope.restriction().orElse(null);
        if (visible != null && payerId != null && !visible.equals(payerId)) {
            return List.of();
        }
        String payer = visible != null ? visible : payerId;
        return payer == null ? plans.listAll(Sort.by("id")) : plans.list("payerId", Sort.by("id"), payer);
    }

    @Transactional
    public SelfPayPrice putPrice(String specialtyCode, String ifMatch, SelfPayPriceRequest request) {
        SelfPayPrice price = prices.findById(specialtyCode);
        boolean isNew = price == null;
        if (isNew) {
            price = new SelfPayPrice();
            price.specialtyCode = specialtyCode;
        } else {
            ETags.requireMatch(ifMatch, price.version);
        }
        price.amount = request.amount();
        price.currency = request.currency();
        if (isNew) {
            prices.persist(price);
        }
        prices.flush();
        return price;
    }

    @Transactional
    public List<SelfPayPrice> listPrices() {
        return prices.listAll(Sort.by("specialtyCode"));
    }
}
