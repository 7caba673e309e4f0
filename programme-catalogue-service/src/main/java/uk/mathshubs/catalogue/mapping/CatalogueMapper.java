package uk.mathshubs.catalogue.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.catalogue.api.HubView;
import uk.mathshubs.catalogue.api.ProgrammeRequest;
import uk.mathshubs.catalogue.api.ProgrammeView;
import uk.mathshubs.catalogue.api.WorkGroupView;
import uk.mathshubs.catalogue.domain.Hub;
import uk.mathshubs.catalogue.domain.Programme;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.contracts.ParticipantRole;

/** Entities to API models and back; nothing else crosses the REST boundary. */
@ApplicationScoped
public class CatalogueMapper {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    public ProgrammeView toView(Programme p) {
        return new ProgrammeView(p.code, p.title, p.summary, p.yearGroups, p.requiredRoles, p.expectations, p.benefits,
                p.cost, p.funding, p.centralSessions, p.eligibilityRuleSet);
    }

    public void copy(ProgrammeRequest from, Programme to) {
        to.code = from.code();
        to.title = from.title().strip();
        to.summary = from.summary().strip();
        to.yearGroups = from.yearGroups();
        to.requiredRoles = from.requiredRoles().stream().map(ParticipantRole::name).toList();
        to.expectations = from.expectations();
        to.benefits = from.benefits();
        to.cost = from.cost();
        to.funding = from.funding();
        to.centralSessions = from.centralSessions();
        to.eligibilityRuleSet = from.eligibilityRuleSet();
    }

    public HubView toView(Hub h) {
        return new HubView(h.code, h.name, h.contactEmail, h.region);
    }

    public WorkGroupView toView(WorkGroup w, Instant now) {
        return new WorkGroupView(
                w.id,
                new WorkGroupView.ProgrammeRef(w.programme.code, w.programme.title),
                new WorkGroupView.HubRef(w.hub.code, w.hub.name),
                w.academicYear,
                w.capacity,
                w.placesLeft(),
                w.lead,
                w.allocationPolicy.name(),
                w.status.name(),
                new WorkGroupView.Window(local(w.applicationsOpenAt), local(w.applicationsCloseAt), w.confirmationDate),
                w.isOpenAt(now),
                w.takesInterestAt(now));
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(UK).toOffsetDateTime();
    }
}
