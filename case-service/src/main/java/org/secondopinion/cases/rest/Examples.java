package org.secondopinion.cases.rest;

/** Example bodies for the OpenAPI document. All data is synthetic. */
final class Examples {

    private Examples() {
    }

    static final String DRAFT = """
            {
              "conditionDescription": "Pain in my right knee for eight months; the MRI showed a torn meniscus.",
              "area": {"specialtyCode": "orthopaedic-surgery", "subSpecialtyCode": "orthopaedic-sports-medicine"},
              "reasons": ["SURGERY_RECOMMENDED", "LACK_OF_CONFIDENCE"],
              "primaryProvider": {"name": "Dr. Alex Example", "npi": "1234567893", "specialtyCode": "orthopaedic-surgery",
                                  "practiceName": "Example Bone & Joint"},
              "primaryDiagnosis": "Complex tear of the medial meniscus",
              "recommendedTreatment": "Arthroscopic partial meniscectomy",
              "surgeryRecommended": true,
              "questions": ["Is surgery needed now, or can physiotherapy come first?"],
              "clarificationSought": true,
              "insurance": {"payerId": "ACME", "memberId": "M-0001", "firstName": "Sam", "lastName": "Sample",
                            "dateOfBirth": "1980-04-02"},
              "location": {"stateCode": "MA", "latitude": 42.36, "longitude": -71.06},
              "preferredLanguage": "en-US",
              "recommendedPhysicianNpis": ["1245319599"]
            }""";

    static final String CASE = """
            {
              "id": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11",
              "status": "DRAFT",
              "details": {"conditionDescription": "Pain in my right knee for eight months.", "reasons": ["SURGERY_RECOMMENDED"],
                          "questions": [], "recommendedPhysicianNpis": []},
              "questions": [],
              "excludedPhysicianNpis": [],
              "createdAt": "2026-03-02T09:15:00Z",
              "updatedAt": "2026-03-02T09:15:00Z",
              "checklist": [],
              "checklistComplete": false,
              "currentStage": {"stage": "DRAFT", "enteredAt": "2026-03-02T09:15:00Z", "overdue": false},
              "version": 0
            }""";

    static final String MISSING_FIELDS = """
            {
              "type": "https://secondopinion.example/problems/invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "The case lacks what the next steps need; complete every field listed.",
              "instance": "/api/cases/0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11/submit",
              "requestId": "4f1c2d3e-0000-4000-8000-000000000001",
              "errors": [{"field": "primaryDiagnosis", "message": "is required to submit"},
                         {"field": "location.stateCode", "message": "is required to submit"}]
            }""";

    static final String CONFLICT = """
            {"type": "https://secondopinion.example/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "A case in status CLOSED cannot move to CANCELLED.", "requestId": "4f1c2d3e-0000-4000-8000-000000000002"}""";

    static final String PAGE = """
            {"items": [{"id": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11", "status": "SUBMITTED",
                        "createdAt": "2026-03-02T09:15:00Z", "updatedAt": "2026-03-02T09:20:00Z",
                        "submittedAt": "2026-03-02T09:20:00Z", "currentStageDueAt": "2026-03-03T09:20:00Z"}],
             "page": 0, "size": 20, "total": 1}""";

    static final String OPTIONS = """
            {
              "caseId": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11",
              "status": "OPTIONS_READY",
              "coverage": {"outcome": "COVERED", "pending": false, "planName": "Acme Silver", "networks": ["ACME-PPO"],
                           "inNetworkOnly": true, "copay": {"amount": 40.00, "currency": "USD"},
                           "priorAuthorizationRequired": false, "selfPayEstimate": {"amount": 450.00, "currency": "USD"},
                           "reasons": ["Second opinions are covered by your plan."], "determinedAt": "2026-03-02T09:21:00Z"},
              "candidates": [{"rank": 1, "npi": "1245319599", "name": "Dr. Robin Sample", "specialtyCode": "orthopaedic-surgery",
                              "subSpecialtyCode": "orthopaedic-sports-medicine", "inNetwork": true,
                              "estimatedCost": {"basis": "COPAY", "amount": {"amount": 40.00, "currency": "USD"}},
                              "why": ["Board certified in orthopaedic surgery (verified 2026-02-01)", "Sports medicine sub-specialist"],
                              "boardCertifications": [{"board": "American Board of Orthopaedic Surgery", "specialtyCode": "orthopaedic-surgery",
                                                       "status": "CERTIFIED", "verifiedAt": "2026-02-01T00:00:00Z", "source": "ABOS primary source"}],
                              "distanceKm": 4.2, "yearsInPractice": 15, "affiliations": ["Example General Hospital"],
                              "telehealth": true, "languages": ["en"], "requiredDocuments": ["IMAGING", "MEDICAL_RECORDS"]}],
              "recommended": [{"npi": "1245319599", "name": "Dr. Robin Sample", "qualifies": true, "rank": 1,
                               "reasons": ["Recommended to you, and meets every requirement",
                                           "Board certified in orthopaedic surgery (verified 2026-02-01)"]},
                              {"npi": "1900000013", "name": "Dr. Casey Example", "qualifies": false, "rank": null,
                               "reasons": ["same practice as your physician", "certification not verified"]},
                              {"npi": "1912345679", "name": null, "qualifies": false, "rank": null,
                               "reasons": ["not in the directory: credentials cannot be verified"]}],
              "excludedCounts": [{"reason": "PRIMARY_PROVIDER", "count": 1}]
            }""";

    static final String SELECTION = """
            {"npi": "1245319599"}""";

    static final String DOCUMENTS_REQUEST = """
            {"types": ["IMAGING"], "note": "Please add the MRI images from March."}""";

    static final String DECISION = """
            {"decision": "SEEK_ANOTHER_OPINION"}""";

    static final String DECISION_VIEW = """
            {"decision": "SEEK_ANOTHER_OPINION", "followUpCaseId": "6a1e2f3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
             "decidedAt": "2026-03-12T10:00:00Z"}""";

    static final String TIMELINE = """
            {"caseId": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11", "status": "OPTIONS_READY", "stages": [
              {"stage": "DRAFT", "enteredAt": "2026-03-02T09:15:00Z", "doneAt": "2026-03-02T09:20:00Z", "overdue": false},
              {"stage": "SUBMITTED", "enteredAt": "2026-03-02T09:20:00Z", "dueAt": "2026-03-03T09:20:00Z",
               "doneAt": "2026-03-02T09:21:00Z", "overdue": false},
              {"stage": "OPTIONS_READY", "enteredAt": "2026-03-02T09:21:00Z", "dueAt": "2026-03-16T09:21:00Z", "overdue": false}]}""";

    static final String OVERDUE = """
            {"items": [{"caseId": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11", "stage": "UNDER_REVIEW",
                        "enteredAt": "2026-03-02T09:15:00Z", "dueAt": "2026-03-09T09:15:00Z"}], "page": 0, "size": 20, "total": 1}""";

    static final String ACCESS_LOG = """
            {"items": [{"occurredAt": "2026-03-05T14:02:11Z", "actor": "dr-sample", "actorRole": "physician",
                        "action": "DOWNLOAD", "resourceType": "case-document",
                        "resourceId": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
                        "outcome": "SUCCESS", "requestId": "4f1c2d3e-0000-4000-8000-000000000003"}],
             "page": 0, "size": 50, "total": 1}""";

    static final String DOCUMENT = """
            {"id": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "caseId": "0b7f5a8e-3c1d-4a8e-9a57-2f0f5c1d9e11",
             "type": "LAB_RESULTS", "contentType": "application/pdf", "sizeBytes": 48213,
             "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "uploadedAt": "2026-03-04T08:00:00Z"}""";

    static final String ASSESSMENT_REQUEST = """
            {"reasons": ["SURGERY_RECOMMENDED", "LACK_OF_CONFIDENCE"], "askedPrimaryToClarify": false}""";

    static final String ASSESSMENT = """
            {"strength": "STRONGLY_ADVISED",
             "summary": "A second opinion is strongly advised in your situation. Getting one is your right, and a good physician will not take it amiss.",
             "why": ["Surgery was recommended. Before an operation it is wise to check whether it is needed and whether there are other options."],
             "nextSteps": [{"order": 1, "code": "CLARIFY_WITH_PRIMARY", "title": "Ask your physician to explain first", "detail": "..."},
                           {"order": 2, "code": "CHECK_COVERAGE", "title": "Check your insurance coverage", "detail": "..."},
                           {"order": 3, "code": "CHOOSE_PHYSICIAN", "title": "Choose a physician with verified credentials", "detail": "..."},
                           {"order": 4, "code": "GATHER_RECORDS", "title": "Gather your records", "detail": "..."},
                           {"order": 5, "code": "ASK_FOR_WRITTEN_REPORT", "title": "Ask for a written report", "detail": "..."}]}""";
}
