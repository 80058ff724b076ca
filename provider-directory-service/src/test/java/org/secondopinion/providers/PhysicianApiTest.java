package org.secondopinion.providers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.providers.TestDirectory.COORDINATOR;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.audit.AuditEntry;
import org.secondopinion.platform.audit.AuditLog;
import org.secondopinion.platform.testing.PlatformTestResources;
import org.secondopinion.platform.testing.Tokens;
import org.secondopinion.providers.domain.Npi;

@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class PhysicianApiTest {

    @Inject
    AuditLog audit;

    @Test
    void theNpiRuleIsTheLuhnCheckWithThe80840Prefix() {
        // The CMS example NPI 1234567893 is valid; changing its check digit makes it invalid.
        assertTrue(Npi.isValid("1234567893"));
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid("12345678A3"));
        assertTrue(Npi.isValid(Npi.complete("900000001")));
    }

    @Test
    void anInvalidNpiIsRefusedWith400AndNothingIsCreated() {
        String valid = TestDirectory.npi();
        String wrongCheckDigit = valid.substring(0, 9) + ((valid.charAt(9) - '0' + 1) % 10);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(TestDirectory.physician(wrongCheckDigit, "urology", Map.of()))
                .post("/api/physicians").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("npi"));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(TestDirectory.physician("12345", "urology", Map.of()))
                .post("/api/physicians").then().statusCode(400);
        given().auth().oauth2(COORDINATOR).get("/api/physicians/" + wrongCheckDigit).then().statusCode(404);
    }

    @Test
    void anNpiIsUniqueInTheDirectory() {
        String npi = TestDirectory.npi();
        TestDirectory.create(TestDirectory.physician(npi, "urology", Map.of()));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(TestDirectory.physician(npi, "urology", Map.of("firstName", "Other")))
                .post("/api/physicians").then().statusCode(409);
    }

    @Test
    void aCoordinatorCreatesAPhysicianAndAnyoneSignedInReadsIt() {
        String npi = TestDirectory.npi();
        String clinic = TestDirectory.clinic("Lakeside Test Clinic", "Chicago", "IL", TestDirectory.CHICAGO);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(TestDirectory.physician(npi, "pediatrics", Map.of(
                        "subSpecialties", List.of("pediatric-cardiology"),
                        "clinicIds", List.of(clinic),
                        "networks", List.of("EXAMPLE-PPO"),
                        "medicalSchools", List.of("Example University"),
                        "referralLetterRequired", true,
                        "boardCertifications", List.of(TestDirectory.certification("American Board of Pediatrics",
                                "pediatrics", "pediatric-cardiology", "CERTIFIED",
                                LocalDate.now().plusYears(3))))))
                .post("/api/physicians").then().statusCode(201)
                .header("Location", containsString("/api/physicians/" + npi))
                .header("ETag", equalTo("\"0\""));

        given().auth().oauth2(Tokens.patient("pat-reader")).get("/api/physicians/" + npi).then().statusCode(200)
                .body("npi", is(npi))
                .body("subSpecialties", hasItem("pediatric-cardiology"))
                .body("clinics[0].city", is("Chicago"))
                .body("referralLetterRequired", is(true))
                .body("boardCertifications[0].current", is(false));
        given().get("/api/physicians/" + npi).then().statusCode(401);
    }

    @Test
    void onlyCoordinatorsWriteTheDirectory() {
        String npi = TestDirectory.npi();
        given().auth().oauth2(Tokens.patient("pat-writer")).contentType(ContentType.JSON)
                .body(TestDirectory.physician(npi, "urology", Map.of()))
                .post("/api/physicians").then().statusCode(403);
        given().auth().oauth2(Tokens.physician("doc", npi)).contentType("text/csv").body("x")
                .post("/api/board-feeds").then().statusCode(403);
        given().auth().oauth2(Tokens.patient("pat-writer")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "city", "Y", "stateCode", "IL", "latitude", 1.0, "longitude", 1.0))
                .post("/api/clinics").then().statusCode(403);
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        String npi = TestDirectory.npi();
        TestDirectory.create(TestDirectory.physician(npi, "urology", Map.of()));
        Map<String, Object> changed = TestDirectory.physician(npi, "urology", Map.of("acceptingSecondOpinions", false));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).body(changed)
                .put("/api/physicians/" + npi).then().statusCode(428);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed)
                .put("/api/physicians/" + npi).then().statusCode(412);
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .put("/api/physicians/" + npi).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("acceptingSecondOpinions", is(false));
    }

    @Test
    void unknownSpecialtiesAndSubSpecialtiesOfAnotherSpecialtyAreRefused() {
        String npi = TestDirectory.npi();
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON)
                .body(TestDirectory.physician(npi, "astrology", Map.of(
                        "boardCertifications", List.of(TestDirectory.certification("American Board of Urology", "urology",
                                "interventional-cardiology", "CERTIFIED", null)))))
                .post("/api/physicians").then().statusCode(400)
                .body("errors.field", hasItem("specialties"))
                .body("errors.field", hasItem("boardCertifications[0].subSpecialtyCode"));
    }

    @Test
    void theTaxonomyHoldsTheBoardsSpecialtiesAndSubSpecialties() {
        given().auth().oauth2(Tokens.patient("pat-tax")).get("/api/specialties").then().statusCode(200)
                .body("find { it.code == 'obstetrics-and-gynecology' }.board", is("American Board of Obstetrics and Gynecology"))
                .body("find { it.code == 'obstetrics-and-gynecology' }.subSpecialties.code",
                        hasItem("reproductive-endocrinology-and-infertility"))
                .body("find { it.code == 'cardiology' }.subSpecialties.code", hasItem("interventional-cardiology"));
        given().auth().oauth2(Tokens.insurer("client", "PAYER")).get("/api/specialties/dermatopathology").then().statusCode(200)
                .body("parentCode", is("dermatology"));
    }

    @Test
    void everyWriteImportAndVerificationIsAuditedWithTheCoordinator() {
        String npi = TestDirectory.npi();
        String clinic = TestDirectory.clinic("Audit Test Clinic", "Chicago", "IL", TestDirectory.CHICAGO);
        TestDirectory.create(TestDirectory.physician(npi, "urology", Map.of("clinicIds", List.of(clinic))));
        given().auth().oauth2(COORDINATOR).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(TestDirectory.physician(npi, "urology", Map.of("yearsInPractice", 11)))
                .put("/api/physicians/" + npi).then().statusCode(200);
        String source = "Audit feed " + npi;
        TestDirectory.importFeed(source, List.of(TestDirectory.row(npi, "American Board of Urology", "urology", null, "CERTIFIED", null)));
        TestDirectory.verify(npi);

        List<AuditEntry> physician = audit.forResource("physician", npi, 0, 50);
        List<String> actions = physician.stream().map(AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of("CREATE", "UPDATE")), actions.toString());
        assertTrue(physician.stream().filter(e -> !e.action().equals("VERIFY"))
                .allMatch(e -> e.actorRole().equals("coordinator")), physician.toString());
        assertEquals(List.of("CREATE"), audit.forResource("clinic", clinic, 0, 10).stream().map(AuditEntry::action).toList());
        assertEquals(List.of("IMPORT"), audit.forResource("board-feed", source, 0, 10).stream().map(AuditEntry::action).toList());
    }
}
