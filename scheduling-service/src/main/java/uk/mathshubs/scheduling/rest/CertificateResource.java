package uk.mathshubs.scheduling.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import uk.mathshubs.scheduling.api.CertificateCheck;
import uk.mathshubs.scheduling.service.Certificates;

/** Certificates of completion: checked by anyone with the code, downloaded by the person with their private link. */
@Path("/api/v1")
@Tag(name = "Certificates")
@PermitAll
public class CertificateResource {

    static final String PDF = "application/pdf";

    private final Certificates certificates;

    public CertificateResource(Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("/certificates/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a certificate's code: whether it is valid, and for which programme, hub and year (anyone)",
            description = "Never the person's name. A certificate voided (its school's completion corrected, or the person "
                    + "erased at their request) answers valid false, with when and why. An unknown code is a 404.")
    public CertificateCheck check(@PathParam("code") String code) {
        return certificates.check(code).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/certificate-files/{token}.pdf")
    @Produces(PDF)
    @Operation(summary = "A person's certificate as a PDF, behind the private link their email carries",
            description = "410 once the certificate is voided.")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "410", description = "The certificate was voided")
    public RestResponse<byte[]> pdf(@PathParam("token") String token) {
        byte[] pdf = certificates.pdf(token).orElseThrow(NotFoundException::new);
        return RestResponse.ResponseBuilder.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"certificate.pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
