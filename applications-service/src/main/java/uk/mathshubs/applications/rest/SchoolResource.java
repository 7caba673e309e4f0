package uk.mathshubs.applications.rest;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.applications.api.ImportResult;
import uk.mathshubs.applications.api.ParticipationRecordView;
import uk.mathshubs.applications.api.SchoolView;
import uk.mathshubs.applications.api.TrustAssignment;
import uk.mathshubs.applications.domain.school.ParticipationRecord;
import uk.mathshubs.applications.domain.school.School;
import uk.mathshubs.applications.service.ParticipationHistory;
import uk.mathshubs.applications.service.SchoolRegister;
import uk.mathshubs.applications.service.Trusts;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

@Path("/api/v1")
@Tag(name = "Schools")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolResource {

    private static final String CSV = "text/csv";

    private final SchoolRegister register;
    private final ParticipationHistory history;
    private final Trusts trusts;
    private final Caller caller;

    public SchoolResource(SchoolRegister register, ParticipationHistory history, Trusts trusts, Caller caller) {
        this.register = register;
        this.history = history;
        this.trusts = trusts;
        this.caller = caller;
    }

    @GET
    @Path("/schools")
    @PermitAll
    @Operation(summary = "Find schools by name, for autocomplete: accents and case aside, open schools first")
    @ArrayInVersion1
    public Page<SchoolView> search(@QueryParam("name") @NotBlank @Size(min = 2, max = 100) String name,
            @BeanParam SchoolSearchPaging paging) {
        return register.search(name, paging).map(page -> page.stream().map(this::view).toList());
    }

    @GET
    @Path("/schools/{urn}")
    @PermitAll
    @Operation(summary = "A school from the register, with what eligibility derives from it and its predecessors and successors")
    public SchoolView get(@PathParam("urn") String urn) {
        return register.byUrn(urn).map(this::view).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/schools/{urn}/participation")
    @RolesAllowed({Caller.HUB_ADMIN, Caller.PROGRAMME_ADMIN, Caller.NCETM_INTEGRATION, Caller.TRUST_LEAD})
    @Operation(summary = "What the school took part in and completed, under this URN or any it had before or after",
            description = "A trust lead sees their own trust's schools only.")
    @ArrayInVersion1
    public Page<ParticipationRecordView> participation(@PathParam("urn") String urn, @BeanParam PageRequest paging) {
        if (caller.trust().isPresent() && !trusts.callerLeadsTrustOf(urn)) {
            throw ProblemException.forbidden("You see your own trust's schools only");
        }
        return Page.of(history.forSchool(urn).stream().map(SchoolResource::view).toList(), paging);
    }

    @PUT
    @Path("/schools/{urn}/trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Put a school in a multi-academy trust the register does not show yet (later imports leave it)")
    public SchoolView assignTrust(@PathParam("urn") String urn, @NotNull @Valid TrustAssignment assignment) {
        return view(trusts.assign(urn, assignment));
    }

    @DELETE
    @Path("/schools/{urn}/trust")
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Take a school out of its trust (later imports leave it out)")
    public SchoolView removeTrust(@PathParam("urn") String urn) {
        return view(trusts.remove(urn));
    }

    @POST
    @Path("/schools/import")
    @Consumes(CSV)
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Import a GIAS establishment extract (edubasealldata CSV; ISO-8859-1 unless the charset says otherwise)",
            description = "Read by column name; other columns are ignored. Re-importing updates each school; a bad value "
                    + "stores nothing and is named as \"line N.Column\".")
    public ImportResult importSchools(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return new ImportResult(register.importSchools(csv, charset(type, StandardCharsets.ISO_8859_1)));
    }

    @POST
    @Path("/schools/links/import")
    @Consumes(CSV)
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Import GIAS links.csv: predecessors and successors (URN, LinkURN, LinkType)")
    public ImportResult importLinks(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return new ImportResult(register.importLinks(csv, charset(type, StandardCharsets.ISO_8859_1)));
    }

    @POST
    @Path("/participation-history/import")
    @Consumes(CSV)
    @RolesAllowed(Caller.PROGRAMME_ADMIN)
    @Operation(summary = "Import participation from before the platform: URN,ProgrammeCode,AcademicYear,Outcome (TOOK_PART or COMPLETED)")
    public ImportResult importHistory(InputStream csv, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return new ImportResult(history.importCsv(csv, charset(type, StandardCharsets.UTF_8)));
    }

    private SchoolView view(School s) {
        String address = String.join(", ", Stream.of(s.street, s.locality, s.town, s.postcode).filter(p -> !p.isBlank()).toList());
        return new SchoolView(s.urn, s.name, s.typeName, s.statusName, s.phase().name(), s.statutoryLowAge, s.statutoryHighAge,
                s.localAuthority, address, s.isOpen(), s.isInEngland(), s.isStateFunded(), s.isJuniorSchool(), s.isInfantSchool(),
                register.links(s.urn).stream().map(l -> new SchoolView.Link(l.linkUrn, l.linkType)).toList(),
                s.trustCode == null ? null : new SchoolView.Trust(s.trustCode, s.trustName));
    }

    static ParticipationRecordView view(ParticipationRecord r) {
        return new ParticipationRecordView(r.urn, r.programmeCode, r.academicYear, r.outcome.name(), r.source.name(), r.recordedAt);
    }

    private static Charset charset(MediaType type, Charset fallback) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? fallback : Charset.forName(name);
    }
}
