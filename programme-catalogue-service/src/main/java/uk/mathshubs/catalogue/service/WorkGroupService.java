package uk.mathshubs.catalogue.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import uk.mathshubs.catalogue.api.WorkGroupRequest;
import uk.mathshubs.catalogue.domain.Hub;
import uk.mathshubs.catalogue.domain.Programme;
import uk.mathshubs.catalogue.domain.WorkGroup;
import uk.mathshubs.catalogue.domain.WorkGroupStatus;
import uk.mathshubs.catalogue.events.CatalogueEvents;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/** Setting up Work Groups and moving them through their lifecycle; a hub manages only its own. */
@ApplicationScoped
@Transactional
public class WorkGroupService {

    private final CatalogueEvents events;
    private final Caller caller;
    private final Clock clock;

    public WorkGroupService(CatalogueEvents events, Caller caller, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    public WorkGroup create(WorkGroupRequest request) {
        requireActsFor(request.hubCode());
        WorkGroup group = new WorkGroup();
        group.id = TimeOrderedIds.next();
        group.hub = Hub.<Hub>findByIdOptional(request.hubCode())
                .orElseThrow(() -> ProblemException.invalidField("hubCode", "no Maths Hub has code " + request.hubCode()));
        group.status = WorkGroupStatus.DRAFT;
        group.createdAt = clock.instant();
        apply(request, group);
        group.revision = 1;
        group.updatedAt = group.createdAt;
        group.persist();
        events.drafted(group);
        return group;
    }

    /** Changes what a hub may change; the hub a group belongs to never changes. */
    public Optional<WorkGroup> change(UUID id, WorkGroupRequest request) {
        return findManaged(id).map(group -> {
            if (!group.hub.code.equals(request.hubCode())) {
                throw ProblemException.invalidField("hubCode", "a Work Group cannot move to another hub");
            }
            if (request.capacity() < group.placesAllocated) {
                throw ProblemException.conflict("capacity-below-allocated", "Capacity below places given",
                        "capacity: " + group.placesAllocated + " places have already been given; capacity cannot be less");
            }
            apply(request, group);
            group.touch(clock.instant());
            events.changed(group);
            return group;
        });
    }

    public Optional<WorkGroup> changeStatus(UUID id, WorkGroupStatus target) {
        return findManaged(id).map(group -> {
            WorkGroupStatus from = group.status;
            if (!from.canMoveTo(target)) {
                throw ProblemException.conflict("illegal-transition", "Illegal status change",
                        "A Work Group that is " + from + " cannot become " + target + "; from " + from
                                + " it can become " + (from.next().isEmpty() ? "nothing else" : from.next()));
            }
            group.status = target;
            group.touch(clock.instant());
            events.statusChanged(from, group);
            return group;
        });
    }

    /** A published Work Group, or a draft the caller manages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WorkGroup> find(UUID id) {
        return WorkGroup.<WorkGroup>findByIdOptional(id)
                .filter(group -> group.status.isPublished() || caller.actsFor(group.hub.code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<WorkGroup> list(WorkGroupFilter filter) {
        StringBuilder where = new StringBuilder("status <> :draft");
        Map<String, Object> params = new HashMap<>();
        params.put("draft", WorkGroupStatus.DRAFT);
        filter.programme().ifPresent(code -> {
            where.append(" and programme.code = :programme");
            params.put("programme", code);
        });
        filter.hub().ifPresent(code -> {
            where.append(" and hub.code = :hub");
            params.put("hub", code);
        });
        filter.academicYear().ifPresent(year -> {
            where.append(" and academicYear = :year");
            params.put("year", year);
        });
        if (filter.openNow()) {
            where.append(" and status = :open and applicationsOpenAt <= :now and applicationsCloseAt > :now");
            params.put("open", WorkGroupStatus.OPEN);
            params.put("now", clock.instant());
        }
        if (filter.hasPlaces()) {
            where.append(" and placesAllocated < capacity");
        }
        return WorkGroup.<WorkGroup>find(where.toString(), Sort.by("academicYear", Sort.Direction.Descending)
                .and("hub.name").and("programme.code").and("id"), params);
    }

    public Instant now() {
        return clock.instant();
    }

    private Optional<WorkGroup> findManaged(UUID id) {
        Optional<WorkGroup> group = WorkGroup.findByIdOptional(id);
        group.ifPresent(g -> requireActsFor(g.hub.code));
        return group;
    }

    private void requireActsFor(String hubCode) {
        if (!caller.actsFor(hubCode)) {
            throw ProblemException.forbidden("You manage the Work Groups of your own Maths Hub only");
        }
    }

    private static void apply(WorkGroupRequest request, WorkGroup group) {
        group.programme = Programme.<Programme>findByIdOptional(request.programmeCode())
                .orElseThrow(() -> ProblemException.invalidField("programmeCode", "no programme has code " + request.programmeCode()));
        try {
            group.academicYear = AcademicYear.parse(request.academicYear()).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("academicYear", e.getMessage());
        }
        var window = request.applicationWindow();
        if (!window.closesAt().isAfter(window.opensAt())) {
            throw ProblemException.invalidField("applicationWindow.closesAt", "must be after opensAt");
        }
        if (window.confirmationDate().isBefore(window.closesAt().toLocalDate())) {
            throw ProblemException.invalidField("applicationWindow.confirmationDate", "must not be before applications close");
        }
        group.capacity = request.capacity();
        group.lead = request.lead().strip();
        group.allocationPolicy = request.allocationPolicy();
        group.applicationsOpenAt = window.opensAt().toInstant();
        group.applicationsCloseAt = window.closesAt().toInstant();
        group.confirmationDate = window.confirmationDate();
    }
}
