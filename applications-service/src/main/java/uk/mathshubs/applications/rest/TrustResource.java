package uk.mathshubs.applications.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.mathshubs.applications.api.ApplicationView;
import uk.mathshubs.applications.api.TrustParticipationView;
import uk.mathshubs.applications.api.TrustView;
import uk.mathshubs.applications.domain.school.School;
import uk.mathshubs.applications.mapping.ApplicationMapper;
import uk.mathshubs.applications.service.ApplicationAccess;
import uk.mathshubs.applications.service.ParticipationHistory;
import uk.mathshubs.applications.service.Trusts;
import uk.mathshubs.kit.paging.ArrayInVersion1;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.security.Caller;

/** A multi-academy trust's schools together: for the trust's lead, and for the NCETM's programme admins. */
@Path("/api/v1/trusts/{code}")
@Tag(name = "Trusts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.TRUST_LEAD, Caller.PROGRAMME_ADMIN})
public class TrustResource {

    private final Trusts trusts;
    private final ParticipationHistory history;
    private final ApplicationMapper mapper;
    private final ApplicationAccess access;

    public TrustResource(Trusts trusts, ParticipationHistory history, ApplicationMapper mapper, ApplicationAccess access) {
        this.trusts = trusts;
        this.history = history;
        this.mapper = mapper;
        this.access = access;
    }

    @GET
    @Operation(summary = "The trust and its schools (a trust lead: their own trust only)")
    public TrustView trust(@PathParam("code") String code) {
        List<School> schools = trusts.schools(code);
        return new TrustView(code, schools.getFirst().trustName,
                schools.stream().map(s -> new TrustView.School(s.urn, s.name, s.localAuthority)).toList());
    }

    @GET
    @Path("/applications")
    @Operation(summary = "Every application of the trust's schools, to any Work Group, with the people they name",
            description = "Decisions show from each Work Group's confirmation date, as the schools see them.")
    @ArrayInVersion1
    public Page<ApplicationView> applications(@PathParam("code") String code, @BeanParam PageRequest paging) {
        return trusts.applications(code, paging).map(page -> mapper.toViews(page, access.seesDecisionsEarly()));
    }

    @GET
    @Path("/participation")
    @Operation(summary = "What each of the trust's schools took part in and completed, under its URN or any it had")
    public TrustParticipationView participation(@PathParam("code") String code) {
        List<School> schools = trusts.schools(code);
        return new TrustParticipationView(code, schools.getFirst().trustName, schools.stream()
                .map(s -> new TrustParticipationView.School(s.urn, s.name,
                        history.forSchool(s.urn).stream().map(SchoolResource::view).toList()))
                .toList());
    }
}
