package org.secondopinion.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.cases.CaseFixtures.as;
import static org.secondopinion.cases.CaseFixtures.candidate;
import static org.secondopinion.cases.CaseFixtures.caseWithOptions;
import static org.secondopinion.cases.CaseFixtures.count;
import static org.secondopinion.cases.CaseFixtures.fakeNpi;
import static org.secondopinion.cases.CaseFixtures.newPatient;
import static org.secondopinion.cases.CaseFixtures.patient;
import static org.secondopinion.cases.CaseFixtures.update;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class DocumentTest {

    static final byte[] PNG = new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
    static final byte[] PDF = JourneyTest.PDF;

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification uploadAs(String token, byte[] content, String mediaType, String type) {
        return RestAssured.given().auth().oauth2(token).multiPart("file", "scan.bin", content, mediaType).multiPart("type", type);
    }

    /** A case whose physician (returned second) was selected, ready for uploads. */
    static String[] selectedCase(String patient, List<DocumentType> required) {
        String npi = fakeNpi();
        String caseId = caseWithOptions(patient, candidate(1, npi, List.of(), required, false));
        patient(patient).body(Map.of("npi", npi)).post("/api/cases/" + caseId + "/selection").then().statusCode(200);
        return new String[] { caseId, npi };
    }

    @Test
    void uploadsAreStoredWithTheirChecksumAndDownloadedIntact() throws Exception {
        String me = newPatient();
        String[] c = selectedCase(me, List.of(DocumentType.LAB_RESULTS, DocumentType.IMAGING));
        String caseId = c[0];
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        System.arraycopy(header, 0, big, 0, header.length);
        var stored = uploadAs(Tokens.patient(me), big, "application/pdf", "LAB_RESULTS")
                .post("/api/cases/" + caseId + "/documents").then().statusCode(201)
                .body("type", is("LAB_RESULTS"))
                .body("contentType", is("application/pdf"))
                .body("sizeBytes", is(big.length))
                .body("sha256", is(sha256(big))).extract();
        String docId = stored.path("id");
        assertTrue(stored.header("Location").endsWith("/api/cases/" + caseId + "/documents/" + docId + "/content"));
        assertEquals(4, count("select count(*) from document_chunk where document_id = ?::uuid", docId),
                "stored in 1 MiB chunks");

        var download = patient(me).get("/api/cases/" + caseId + "/documents/" + docId + "/content")
                .then().statusCode(200).contentType("application/pdf").extract();
        assertArrayEquals(big, download.asByteArray());
        assertTrue(download.header("Repr-Digest").startsWith("sha-256=:"));

        // The selected physician downloads it too; another physician does not see it exists.
        String npi = c[1];
        as(Tokens.physician("dr-sel", npi)).get("/api/cases/" + caseId + "/documents").then().statusCode(200)
                .body("id", contains(docId));
        assertArrayEquals(big, as(Tokens.physician("dr-sel", npi)).get("/api/cases/" + caseId + "/documents/" + docId + "/content")
                .then().statusCode(200).extract().asByteArray());
        as(Tokens.physician("dr-other", fakeNpi())).get("/api/cases/" + caseId + "/documents/" + docId + "/content")
                .then().statusCode(404);
        patient(newPatient()).get("/api/cases/" + caseId + "/documents").then().statusCode(404);
    }

    @Test
    void aCoordinatorListsDocumentsButMayNotDownloadTheirContent() throws Exception {
        String me = newPatient();
        String caseId = selectedCase(me, List.of())[0];
        String docId = uploadAs(Tokens.patient(me), PDF, "application/pdf", "OTHER").post("/api/cases/" + caseId + "/documents")
                .then().statusCode(201).extract().path("id");
        var coordinator = as(Tokens.coordinator("carol-" + me));
        coordinator.get("/api/cases/" + caseId + "/documents").then().statusCode(200).body("id", hasItem(docId));
        coordinator.get("/api/cases/" + caseId + "/documents/" + docId + "/content").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(1, count("select count(*) from audit_log where actor = ? and action = 'DOWNLOAD' and outcome = 'DENIED'",
                "carol-" + me));
        patient(me).get("/api/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("items.find { it.actor == 'carol-" + me + "' && it.action == 'DOWNLOAD' }.outcome", is("DENIED"));
    }

    @Test
    void anOversizeUploadAnswers413AndStoresNothing() throws Exception {
        String me = newPatient();
        String caseId = selectedCase(me, List.of())[0];
        long limit = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("smo.cases.documents.max-bytes", Long.class);
        byte[] tooBig = new byte[Math.toIntExact(limit) + 1];
        System.arraycopy(PDF, 0, tooBig, 0, PDF.length);
        uploadAs(Tokens.patient(me), tooBig, "application/pdf", "LAB_RESULTS").post("/api/cases/" + caseId + "/documents")
                .then().statusCode(413).contentType("application/problem+json");
        // Exactly at the limit is fine.
        uploadAs(Tokens.patient(me), Arrays.copyOf(tooBig, Math.toIntExact(limit)), "application/pdf", "LAB_RESULTS")
                .post("/api/cases/" + caseId + "/documents").then().statusCode(201).body("sizeBytes", is((int) limit));
        assertEquals(1, count("select count(*) from case_document where case_id = ?::uuid", caseId));
    }

    @Test
    void wrongTypesAnswer415() throws Exception {
        String me = newPatient();
        String caseId = selectedCase(me, List.of())[0];
        String path = "/api/cases/" + caseId + "/documents";
        // A PNG declared as a PDF.
        uploadAs(Tokens.patient(me), PNG, "application/pdf", "IMAGING").post(path).then().statusCode(415)
                .contentType("application/problem+json");
        // A Windows executable, whatever it claims to be.
        byte[] exe = Arrays.copyOf("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), 64);
        uploadAs(Tokens.patient(me), exe, "application/octet-stream", "OTHER").post(path).then().statusCode(415);
        uploadAs(Tokens.patient(me), exe, "text/plain", "OTHER").post(path).then().statusCode(415);
        // A type outside the list, even when the content is what it says.
        uploadAs(Tokens.patient(me), "<html></html>".getBytes(StandardCharsets.UTF_8), "text/html", "OTHER").post(path)
                .then().statusCode(415);
        // An unknown document kind.
        uploadAs(Tokens.patient(me), PDF, "application/pdf", "SELFIE").post(path).then().statusCode(400)
                .body("errors.field", hasItem("type"));
        assertEquals(0, count("select count(*) from case_document where case_id = ?::uuid", caseId));

        // Plain text, DICOM, JPEG and PNG are accepted.
        uploadAs(Tokens.patient(me), "Synthetic referral note\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8",
                "REFERRAL_LETTER").post(path).then().statusCode(201).body("contentType", is("text/plain"));
        byte[] dicom = new byte[200];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, dicom, 128, 4);
        uploadAs(Tokens.patient(me), dicom, "application/dicom", "IMAGING").post(path).then().statusCode(201);
        byte[] jpeg = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };
        uploadAs(Tokens.patient(me), jpeg, "image/jpeg", "IMAGING").post(path).then().statusCode(201);
        uploadAs(Tokens.patient(me), PNG, "image/png", "IMAGING").post(path).then().statusCode(201);
    }

    @Test
    void aChecksumMismatchIsDetectedOnDownloadAndNothingIsServed() throws Exception {
        String me = newPatient();
        String caseId = selectedCase(me, List.of(DocumentType.IMAGING))[0];
        String docId = uploadAs(Tokens.patient(me), PDF, "application/pdf", "MEDICAL_RECORDS")
                .post("/api/cases/" + caseId + "/documents").then().statusCode(201).extract().path("id");
        // The stored bytes change behind the service's back (disk corruption, a bad restore, tampering).
        assertEquals(1, update("update document_chunk set data = overlay(data placing '\\x58'::bytea from 10 for 1)"
                + " where document_id = ?::uuid", docId));
        patient(me).get("/api/cases/" + caseId + "/documents/" + docId + "/content").then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", is("Document integrity check failed"));
        assertEquals(1, count("select count(*) from audit_log where resource_id = ? and action = 'DOWNLOAD_INTEGRITY_FAILED'",
                caseId + "/" + docId));
    }

    @Test
    void documentsCanBeDeletedUntilTheReviewStartsAndTheChecklistFollows() {
        String me = newPatient();
        String caseId = selectedCase(me, List.of(DocumentType.IMAGING))[0];
        String records = uploadAs(Tokens.patient(me), PDF, "application/pdf", "MEDICAL_RECORDS")
                .post("/api/cases/" + caseId + "/documents").then().statusCode(201).extract().path("id");
        patient(me).get("/api/cases/" + caseId).then().body("checklist[0].documentId", is(records));
        patient(newPatient()).delete("/api/cases/" + caseId + "/documents/" + records).then().statusCode(404);
        patient(me).delete("/api/cases/" + caseId + "/documents/" + records).then().statusCode(204);
        patient(me).get("/api/cases/" + caseId).then().body("checklist[0].documentId", org.hamcrest.Matchers.nullValue());
        patient(me).get("/api/cases/" + caseId + "/documents").then().body("size()", is(0));
        patient(me).get("/api/cases/" + caseId + "/documents/" + records + "/content").then().statusCode(404);
    }

    @Test
    void uploadsBeforeSelectionAreRefused() {
        String me = newPatient();
        String draft = CaseFixtures.createDraft(me, Map.of()).path("id");
        uploadAs(Tokens.patient(me), PDF, "application/pdf", "LAB_RESULTS").post("/api/cases/" + draft + "/documents")
                .then().statusCode(409);
    }
}
