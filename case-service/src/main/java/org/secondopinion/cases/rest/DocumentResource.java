package org.secondopinion.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.secondopinion.cases.service.CaseApi.DocumentView;
import org.secondopinion.cases.service.DocumentService;
import org.secondopinion.events.model.DocumentType;
import org.secondopinion.platform.problem.ApiException;
import org.secondopinion.platform.problem.Problem;
import org.secondopinion.platform.security.Roles;

/** A case's documents: upload, list, verified download, delete. */
@Path("/api/cases/{caseId}/documents")
@Tag(name = "Documents")
public class DocumentResource {

    @Inject
    DocumentService documents;

    /** The multipart form of an upload. */
    public static class UploadForm {
        @RestForm("file")
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "The document: PDF, JPEG, PNG, DICOM or plain text, with its media type on the part")
        public FileUpload file;

        @RestForm("type")
        @PartType(MediaType.TEXT_PLAIN)
        @Schema(enumeration = { "LAB_RESULTS", "IMAGING", "MEDICAL_RECORDS", "REFERRAL_LETTER", "OTHER" }, example = "LAB_RESULTS")
        public String type;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Upload a document", description = "The case's patient, after selection and before the review"
            + " starts. Multipart with parts 'file' (declared media type must be PDF, JPEG, PNG, DICOM or text/plain and"
            + " agree with the content: 415 otherwise) and 'type'. At most smo.cases.documents.max-bytes (25 MB by"
            + " default; 413 beyond). Stored with its SHA-256; fulfils the checklist, and the last missing item"
            + " publishes RecordsCompleted.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the content",
            content = @Content(schema = @Schema(implementation = DocumentView.class), examples = @ExampleObject(name = "pdf", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "409", description = "The case does not take documents now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not an accepted type, or content and declared type disagree",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response upload(@PathParam("caseId") UUID caseId, UploadForm form) {
        if (form == null || form.file == null) {
            throw ApiException.invalid("Send the document in the 'file' part.", List.of(new Problem.FieldError("file", "is required")));
        }
        DocumentType type;
        try {
            type = form.type == null ? null : DocumentType.valueOf(form.type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Unknown document type.", List.of(new Problem.FieldError("type",
                    "must be one of LAB_RESULTS, IMAGING, MEDICAL_RECORDS, REFERRAL_LETTER, OTHER")));
        }
        DocumentView stored = documents.upload(caseId, type, form.file.contentType(), form.file.uploadedFile());
        return Response.created(URI.create("/api/cases/" + caseId + "/documents/" + stored.id() + "/content"))
                .entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Operation(summary = "List a case's documents", description = "Metadata only (no file names are kept). The patient,"
            + " the selected physician and coordinators.")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "list", value = "[" + Examples.DOCUMENT + "]")))
    public List<DocumentView> list(@PathParam("caseId") UUID caseId) {
        return documents.list(caseId);
    }

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PATIENT, Roles.PHYSICIAN, Roles.COORDINATOR })
    @Operation(summary = "Download a document", description = "The patient and the selected physician. Coordinators get"
            + " 403: they never see contents. The content is checked against the SHA-256 taken at upload before it is"
            + " sent (500 'Document integrity check failed' if it no longer matches); the checksum is in Repr-Digest.")
    @APIResponse(responseCode = "200", description = "The content, with its media type")
    @APIResponse(responseCode = "403", description = "Coordinators", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response download(@PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
        DocumentService.Download download = documents.download(caseId, documentId);
        DocumentView doc = download.document();
        StreamingOutput body = out -> {
            try {
                Files.copy(download.content(), out);
            } finally {
                Files.deleteIfExists(download.content());
            }
        };
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(doc.sha256()));
        return Response.ok(body, doc.contentType())
                .header("Content-Length", doc.sizeBytes())
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + doc.id() + extension(doc.contentType()) + "\"")
                .build();
    }

    @DELETE
    @Path("/{documentId}")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Delete a document", description = "The case's patient, only until the review starts (409 after).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
        documents.delete(caseId, documentId);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/dicom" -> ".dcm";
            default -> ".txt";
        };
    }

}
