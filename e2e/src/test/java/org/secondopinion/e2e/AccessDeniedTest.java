package org.secondopinion.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secondopinion.localstack.journey.Api;
import org.secondopinion.localstack.journey.DemoJourney;
import org.secondopinion.localstack.journey.Journey;

/**
 * Alice's case from the demo journey (documents uploaded, report issued), read by people who have no business with
 * it: another patient (bob) gets 404 everywhere, as if it did not exist; a physician who was not selected
 * (dr-house) is denied everywhere, drafting included.
 */
@ExtendWith(StackExtension.class)
class AccessDeniedTest {

    @Test
    void anotherPatientGets404EverywhereInCaseAndReportService(LocalStackUnderTest stack) throws Exception {
        Map<String, Api.Reply> replies = readEverything(stack, Journey.BOB);
        replies.forEach((what, reply) -> assertEquals(404, reply.status(), "bob reading alice's " + what + ": " + reply.status()));
        // Finding the report by case id shows nothing either.
        JsonNode found = stack.journey().api().get(Journey.BOB, stack.endpoints().reportService() + "/api/reports?caseId="
                + stack.demo().caseId()).json();
        assertTrue(found.isObject() ? found.path("status").asInt() == 404 : found.isEmpty(), "bob finds no report: " + found);
    }

    @Test
    void aPhysicianWhoWasNotSelectedIsDeniedEverywhereAndCannotDraft(LocalStackUnderTest stack) throws Exception {
        DemoJourney.Outcome demo = stack.demo();
        Map<String, Api.Reply> replies = readEverything(stack, Journey.DR_HOUSE);
        Api api = stack.journey().api();
        String reports = stack.endpoints().reportService();
        replies.put("review", api.get(Journey.DR_HOUSE, reports + "/api/reviews/" + demo.caseId()));
        replies.put("report draft", api.post(Journey.DR_HOUSE, reports + "/api/reviews/" + demo.caseId() + "/report",
                Journey.disagreeingDraft(Api.object())));
        replies.forEach((what, reply) -> assertTrue(reply.status() == 403 || reply.status() == 404,
                "dr-house on alice's " + what + ": HTTP " + reply.status()));
        JsonNode worklist = api.get(Journey.DR_HOUSE, reports + "/api/reviews").expect(200).json();
        assertFalse(worklist.toString().contains(demo.caseId()), "alice's case is not on dr-house's worklist");
        // And the selected physician may (the denial is about who asks, not about the request).
        assertEquals(200, api.get(Journey.DR_GREY, reports + "/api/reports/" + demo.report().reportId() + "/pdf").status());
    }

    /** GETs of the case, its options and timeline, its documents and their content, the report, its PDF and letter. */
    private static Map<String, Api.Reply> readEverything(LocalStackUnderTest stack, String who) throws Exception {
        DemoJourney.Outcome demo = stack.demo();
        Api api = stack.journey().api();
        String c = stack.journey().caseUrl(demo.caseId());
        String report = stack.endpoints().reportService() + "/api/reports/" + demo.report().reportId();
        JsonNode documents = api.get(Journey.ALICE, c + "/documents").expect(200).json();
        List<String> documentIds = new ArrayList<>();
        for (JsonNode d : documents.isArray() ? documents : documents.path("items")) {
            documentIds.add(d.path("id").asText());
        }
        assertFalse(documentIds.isEmpty(), "alice's case has documents");
        Map<String, Api.Reply> replies = new LinkedHashMap<>();
        replies.put("case", api.get(who, c));
        replies.put("options", api.get(who, c + "/options"));
        replies.put("timeline", api.get(who, c + "/timeline"));
        replies.put("documents", api.get(who, c + "/documents"));
        for (String id : documentIds) {
            replies.put("document content " + id, api.get(who, c + "/documents/" + id + "/content"));
        }
        replies.put("report", api.get(who, report));
        replies.put("report PDF", api.get(who, report + "/pdf"));
        replies.put("report versions", api.get(who, report + "/versions"));
        replies.put("letter PDF", api.get(who, demo.report().letterUrl()));
        return replies;
    }
}
