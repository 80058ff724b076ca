package org.secondopinion.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.secondopinion.events.model.SecondOpinionReason;

/**
 * "Should I get a second opinion?" Guidance, never a gate: every answer says a second opinion is the
 * patient's right, and how strongly it is advised depends on why the patient is considering one.
 * Nothing is stored: the answer depends only on the request.
 */
@ApplicationScoped
public class GuidanceService {

    @Schema(description = "Why the patient is considering a second opinion")
    public record AssessmentRequest(
            @Size(max = 9) @Schema(example = "[\"SURGERY_RECOMMENDED\", \"LACK_OF_CONFIDENCE\"]") List<SecondOpinionReason> reasons,
            @Schema(example = "false") Boolean askedPrimaryToClarify) {
    }

    /** How strongly a second opinion is advised. */
    public enum Strength {
        STRONGLY_ADVISED,
        ADVISED,
        YOUR_CHOICE
    }

    public record Step(int order, String code, String title, String detail) {
    }

    @Schema(description = "How strongly a second opinion is advised, why, and the next steps in order")
    public record Assessment(Strength strength, String summary, List<String> why, List<Step> nextSteps) {
    }

    private static final Set<SecondOpinionReason> STRONG = EnumSet.of(SecondOpinionReason.SUSPECTED_DIAGNOSTIC_ERROR,
            SecondOpinionReason.SURGERY_RECOMMENDED, SecondOpinionReason.REPEATED_UNSUCCESSFUL_TREATMENT,
            SecondOpinionReason.PROVIDER_NOT_SPECIALISED);
    private static final Set<SecondOpinionReason> SERIOUS_CONDITION = EnumSet.of(SecondOpinionReason.COMPLEX_CONDITION,
            SecondOpinionReason.CHRONIC_CONDITION, SecondOpinionReason.EXPENSIVE_CONDITION);

    public Assessment assess(AssessmentRequest request) {
        Set<SecondOpinionReason> reasons = request.reasons() == null || request.reasons().isEmpty()
                ? EnumSet.noneOf(SecondOpinionReason.class) : EnumSet.copyOf(request.reasons());
        long serious = reasons.stream().filter(SERIOUS_CONDITION::contains).count();
        Strength strength = reasons.stream().anyMatch(STRONG::contains) || serious >= 2 ? Strength.STRONGLY_ADVISED
                : serious == 1 || reasons.contains(SecondOpinionReason.LACK_OF_CONFIDENCE) ? Strength.ADVISED
                : Strength.YOUR_CHOICE;
        String summary = switch (strength) {
            case STRONGLY_ADVISED -> "A second opinion is strongly advised in your situation.";
            case ADVISED -> "A second opinion is a good idea in your situation.";
            case YOUR_CHOICE -> "A second opinion is your choice, and it is a reasonable one.";
        } + " Getting one is your right, and a good physician will not take it amiss.";
        List<String> why = new ArrayList<>();
        for (SecondOpinionReason reason : reasons) {
            why.add(switch (reason) {
                case SUSPECTED_DIAGNOSTIC_ERROR -> "You think the diagnosis may be wrong. Diagnoses are sometimes revised"
                        + " when another physician looks at the same records.";
                case REPEATED_UNSUCCESSFUL_TREATMENT -> "Treatment has not worked more than once. Another physician may see"
                        + " a different cause or a different treatment.";
                case LACK_OF_CONFIDENCE -> "You are not confident in the advice. Hearing it explained by someone else"
                        + " can help you decide with confidence.";
                case SURGERY_RECOMMENDED -> "Surgery was recommended. Before an operation it is wise to check whether"
                        + " it is needed and whether there are other options.";
                case COMPLEX_CONDITION -> "Your condition is complicated. A specialist who sees many such cases may add"
                        + " to the plan.";
                case CHRONIC_CONDITION -> "Your condition is long-term. A second view of the long-term plan can pay off"
                        + " for years.";
                case EXPENSIVE_CONDITION -> "The treatment is costly. It is worth being sure it is the right one.";
                case PROVIDER_NOT_SPECIALISED -> "Your physician does not specialise in this area. A specialist, or a"
                        + " sub-specialist, can give an expert view.";
                case REASSURANCE -> "You would like reassurance. Hearing the same advice from a second physician can"
                        + " give you peace of mind.";
            });
        }
        if (why.isEmpty()) {
            why.add("You did not say why you are considering it; that is fine. Anyone may ask for a second opinion.");
        }
        List<Step> steps = new ArrayList<>();
        if (!Boolean.TRUE.equals(request.askedPrimaryToClarify())) {
            steps.add(new Step(0, "CLARIFY_WITH_PRIMARY", "Ask your physician to explain first",
                    "Ask your physician to go over the diagnosis and the recommended treatment again, and write down"
                            + " what is still unclear. This often answers questions quickly, and your notes help the"
                            + " second physician."));
        }
        steps.add(new Step(0, "CHECK_COVERAGE", "Check your insurance coverage",
                "We check with your insurer whether a second opinion is covered, what you would pay, and whether your"
                        + " insurer must approve it first."));
        boolean subSpecialist = reasons.contains(SecondOpinionReason.PROVIDER_NOT_SPECIALISED)
                || reasons.contains(SecondOpinionReason.COMPLEX_CONDITION);
        steps.add(new Step(0, "CHOOSE_PHYSICIAN", "Choose a physician with verified credentials",
                "Choose a physician whose board certification in the area is verified and current, with at least the"
                        + " same level of expertise as your physician"
                        + (subSpecialist ? ", ideally a sub-specialist in your condition" : "")
                        + ", and with no ties to your physician or their practice."));
        steps.add(new Step(0, "GATHER_RECORDS", "Gather your records",
                "Collect what the physician asks for before the review: lab results, imaging such as X-rays, your"
                        + " medical records, and a referral letter if one is needed."));
        steps.add(new Step(0, "ASK_FOR_WRITTEN_REPORT", "Ask for a written report",
                "Ask for the second opinion in writing, with answers to your questions and, if it differs, why. You can"
                        + " share it with your physician."));
        List<Step> ordered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            ordered.add(new Step(i + 1, s.code(), s.title(), s.detail()));
        }
        return new Assessment(strength, summary, why, ordered);
    }
}
