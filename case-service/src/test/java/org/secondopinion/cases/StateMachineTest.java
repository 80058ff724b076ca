package org.secondopinion.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.secondopinion.cases.domain.CaseStatus;
import org.secondopinion.platform.testing.PlatformTestResources;

/** The transition table, pair by pair: anything not listed is refused (the HTTP tests prove the 409). */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class StateMachineTest {

    @Test
    void exactlyTheseTransitionsAreAllowed() {
        Map<CaseStatus, Set<CaseStatus>> expected = new EnumMap<>(CaseStatus.class);
        expected.put(CaseStatus.DRAFT, EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.CANCELLED));
        expected.put(CaseStatus.SUBMITTED, EnumSet.of(CaseStatus.OPTIONS_READY, CaseStatus.CANCELLED));
        // OPINION_ISSUED before review: the opinion of a physician who declined while issuing it stands (JourneyTest).
        expected.put(CaseStatus.OPTIONS_READY, EnumSet.of(CaseStatus.PHYSICIAN_SELECTED, CaseStatus.OPINION_ISSUED,
                CaseStatus.CANCELLED));
        expected.put(CaseStatus.PHYSICIAN_SELECTED, EnumSet.of(CaseStatus.AWAITING_RECORDS, CaseStatus.UNDER_REVIEW,
                CaseStatus.OPTIONS_READY, CaseStatus.OPINION_ISSUED, CaseStatus.CANCELLED));
        expected.put(CaseStatus.AWAITING_RECORDS, EnumSet.of(CaseStatus.UNDER_REVIEW, CaseStatus.OPTIONS_READY,
                CaseStatus.OPINION_ISSUED, CaseStatus.CANCELLED));
        expected.put(CaseStatus.UNDER_REVIEW, EnumSet.of(CaseStatus.AWAITING_RECORDS, CaseStatus.OPINION_ISSUED,
                CaseStatus.OPTIONS_READY, CaseStatus.CANCELLED));
        expected.put(CaseStatus.OPINION_ISSUED, EnumSet.of(CaseStatus.CLOSED));
        expected.put(CaseStatus.CLOSED, EnumSet.noneOf(CaseStatus.class));
        expected.put(CaseStatus.CANCELLED, EnumSet.noneOf(CaseStatus.class));
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                assertEquals(expected.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }
}
