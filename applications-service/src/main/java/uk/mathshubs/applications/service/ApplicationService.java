package uk.mathshubs.applications.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import uk.mathshubs.applications.allocation.Allocator;
import uk.mathshubs.applications.allocation.ArrivalOrder;
import uk.mathshubs.applications.api.ApplicationRequest;
import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.applications.domain.ApplicationDecision;
import uk.mathshubs.applications.domain.ApplicationPerson;
import uk.mathshubs.applications.domain.ApplicationStatus;
import uk.mathshubs.applications.domain.CommitmentConfirmation;
import uk.mathshubs.applications.domain.Trn;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.domain.eligibility.Answer;
import uk.mathshubs.applications.domain.eligibility.Condition;
import uk.mathshubs.applications.domain.eligibility.Eligibility;
import uk.mathshubs.applications.domain.eligibility.RuleSet;
import uk.mathshubs.applications.domain.school.School;
import uk.mathshubs.applications.events.ApplicationEvents;
import uk.mathshubs.applications.metrics.ApplicationMetrics;
import uk.mathshubs.contracts.ParticipantRole;
import uk.mathshubs.kit.ids.TimeOrderedIds;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.Constraints;
import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.relay.Foreground;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.kit.tracing.TraceContexts;

/** Schools applying for places, and who may see which application. */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O or U to misread when a school reads its reference over the phone. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final ArrivalOrder arrivals;
    private final IntakeWriter intake;
    private final Event<ApplicationMetrics.Received> received;
    private final EligibilityService eligibility;
    private final ApplicationEvents events;
    private final Caller caller;
    private final Clock clock;
    private final Foreground foreground;

    public ApplicationService(ArrivalOrder arrivals, IntakeWriter intake, Event<ApplicationMetrics.Received> received,
            EligibilityService eligibility, ApplicationEvents events, Caller caller, Clock clock, Foreground foreground) {
        this.arrivals = arrivals;
        this.intake = intake;
        this.received = received;
        this.eligibility = eligibility;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
        this.foreground = foreground;
    }

    /**
     * Intake: a new application, checked in a read-only transaction and then written by the {@link IntakeWriter}, with
     * whichever others were received at the same moment, in one short transaction that takes no lock other schools wait
     * on (it holds only its Work Group's arrival gate, shared, see {@link ArrivalOrder}); the {@link Allocator} gives
     * the place behind it. Resubmitting for the same school changes nothing, and two submissions racing for one school
     * give that school's one application: the first is created, the others are answered with it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Submission submit(UUID workGroupId, ApplicationRequest request) {
        try {
            // The allocator and the relays make way while applications are coming in (Foreground).
            return foreground.serve(() -> {
                Checked checked = QuarkusTransaction.requiringNew().call(() -> check(workGroupId, request));
                if (checked.existing() != null) {
                    return Submission.existing(checked.existing());
                }
                Application application = checked.received().application();
                intake.write(checked.received());
                received.fire(new ApplicationMetrics.Received(checked.group().programmeCode, application.eligibilityOutcome));
                return new Submission(application, Optional.of(checked.secret()), CommitmentConfirmation.askedFor(application),
                        checked.group().confirmationDate);
            });
        } catch (RuntimeException e) {
            if (!Constraints.violated(e, "one_application_per_school")) {
                throw e;
            }
            return existing(workGroupId, request.school().urn()).map(Submission::existing).orElseThrow(() -> e);
        }
    }

    /** What the intake decides before it writes: the school's application already there, or the new one, ready. */
    private record Checked(Application existing, WorkGroup group, IntakeWriter.Received received, String secret) {
    }

    /**
     * Reads only (the opening, the school's participation history and, for a school that applied already, its
     * application), in a transaction of their own: its commit gives the connection back before the application waits
     * for the writer (requests that kept theirs while waiting left the writers none).
     */
    private Checked check(UUID workGroupId, ApplicationRequest request) {
        // This transaction only reads: its persistence context keeps no snapshots and is never flushed.
        Session reads = Application.getSession();
        reads.setDefaultReadOnly(true);
        reads.setHibernateFlushMode(FlushMode.MANUAL);
        Opening opening = opening(reads, workGroupId, request.school().urn())
                .orElseThrow(() -> ProblemException.notFound("Work Group " + workGroupId));
        WorkGroup group = opening.group();
        requireActsFor(group.hubCode);
        if (opening.existing() != null) {
            return new Checked(Application.findById(opening.existing()), group, null, null);
        }
        if (!group.acceptsApplicationsAt(clock.instant())) {
            throw new ProblemException(409, "applications-closed", "Applications are closed",
                    "This Work Group is not taking applications now; you can register interest for next year's instead: POST /api/v1/work-groups/" + workGroupId + "/interest",
                    List.of());
        }
        requireEveryRole(group, request);
        Map<String, Answer> declarations = request.declarationsOrNone();
        RuleSet rules = eligibility.ruleSet(group.eligibilityRuleSet, opening.rulesSavedAt());
        requireKnownDeclarations(rules, declarations);
        Eligibility answer = eligibility.check(group, rules, request.school().urn(), "school.urn", declarations);

        String secret = randomSecret();
        Application application = newApplication(group, request, secret);
        application.traceparent = TraceContexts.current();
        application.eligibility = answer;
        application.eligibilityOutcome = answer.outcome();
        application.priority = answer.priority();
        // What the rules alone decide is decided now; a place is the allocator's to give, in arrival order.
        switch (answer.outcome()) {
            case INELIGIBLE -> application.moveTo(ApplicationStatus.INELIGIBLE, answer.decidedBy().reason(),
                    ApplicationDecision.PLATFORM, clock.instant());
            case NEEDS_REVIEW -> application.moveTo(ApplicationStatus.NEEDS_REVIEW, answer.decidedBy().reason(),
                    ApplicationDecision.PLATFORM, clock.instant());
            case ELIGIBLE -> {
                // stays SUBMITTED until the allocator places it
            }
        }
        // The event is made here, where the caller (its audit entry's actor) and the trace are this request's.
        return new Checked(null, group, new IntakeWriter.Received(application, events.submitted(application)), secret);
    }

    /** The pre-check: what the rules say about this school for this Work Group, without applying. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Eligibility> precheck(UUID workGroupId, String urn, Map<String, Answer> declarations) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            requireActsFor(group.hubCode);
            RuleSet rules = eligibility.ruleSet(group.eligibilityRuleSet);
            requireKnownDeclarations(rules, declarations);
            return eligibility.check(group, rules, urn, "urn", declarations);
        });
    }

    /**
     * What the intake reads before it decides, in one round trip: the Work Group, the school's application to it if
     * there is one, when the group's eligibility rules were last saved (so that the parsed rules can be reused), and the
     * school as the register knows it, which the eligibility rules then find in the session rather than ask for again.
     */
    private static Optional<Opening> opening(Session reads, UUID workGroupId, String urn) {
        return openingQuery(reads).setParameter("id", workGroupId).setParameter("urn", urn).uniqueResultOptional();
    }

    private static SelectionQuery<Opening> openingQuery(Session reads) {
        return reads.createQuery("""
                SELECT g,
                       (SELECT a.id FROM Application a WHERE a.workGroupId = g.id AND a.urn = :urn),
                       (SELECT r.updatedAt FROM StoredRuleSet r WHERE r.code = g.eligibilityRuleSet),
                       s
                FROM WorkGroup g LEFT JOIN School s ON s.urn = :urn
                WHERE g.id = :id""", Opening.class);
    }

    /**
     * The intake's query parsed before the first school arrives (nothing is read). Hibernate parses a query on its
     * first use and keeps the result; a service started cold and hit by an opening rush parsed it in a few hundred
     * requests at once, and the parser's prediction caches, one per parse, filled the heap: the service stopped
     * answering in its first rush.
     */
    void parseTheIntakeQuery(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> openingQuery(Application.getSession()));
    }

    private record Opening(WorkGroup group, UUID existing, Instant rulesSavedAt, School school) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Application> existing(UUID workGroupId, String urn) {
        return Application.find("workGroupId = ?1 and urn = ?2", workGroupId, urn).firstResultOptional();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Page<Application>> forWorkGroup(UUID workGroupId, PageRequest paging) {
        return WorkGroup.<WorkGroup>findByIdOptional(workGroupId).map(group -> {
            requireActsFor(group.hubCode);
            long after = paging.afterNumber().orElse(Long.MIN_VALUE);
            // Up to the arrival horizon only: numbers are taken in one order and committed in another, so a page must
            // not end past one still being written, or the next page (after its last number) would never show it.
            List<Application> rows = Application.<Application>find("workGroupId = ?1 and arrival > ?2 and arrival <= ?3",
                    Sort.by("arrival"), workGroupId, after, arrivals.horizon(workGroupId)).range(0, paging.size()).list();
            return Page.afterKey(rows, paging, a -> a.arrival);
        });
    }

    /** One named person per role the programme requires (the headteacher is named separately). */
    /** Answers only to the questions the programme's rules ask: a misspelt key must not silently count as unanswered. */
    private static void requireKnownDeclarations(RuleSet rules, Map<String, Answer> declarations) {
        Set<String> asked = rules.declarations().stream().map(Condition.Declared::declaration).collect(Collectors.toSet());
        List<Problem.FieldError> errors = declarations.keySet().stream().filter(key -> !asked.contains(key)).sorted()
                .map(key -> new Problem.FieldError("declarations." + key, asked.isEmpty()
                        ? "this programme asks no declaration questions"
                        : "not a question this programme asks; it asks " + String.join(", ", new TreeSet<>(asked))))
                .toList();
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static void requireEveryRole(WorkGroup group, ApplicationRequest request) {
        List<String> missing = new ArrayList<>(group.requiredRoles);
        missing.remove(ParticipantRole.HEADTEACHER.name());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.leadTeachers().size(); i++) {
            String role = request.leadTeachers().get(i).role().name();
            if (!missing.remove(role)) {
                errors.add(new Problem.FieldError("leadTeachers[" + i + "].role",
                        role + " is not a role " + group.programmeTitle + " asks for (or is named twice)"));
            }
        }
        missing.forEach(role -> errors.add(new Problem.FieldError("leadTeachers", "a " + role + " is required")));
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    private Application newApplication(WorkGroup group, ApplicationRequest request, String secret) {
        Application a = new Application();
        a.id = TimeOrderedIds.next();
        a.reference = newReference();
        a.secretHash = ApplicationAccess.hash(secret);
        a.workGroupId = group.id;
        a.hubCode = group.hubCode;
        var school = request.school();
        a.urn = school.urn();
        a.schoolName = school.name().strip();
        a.schoolAddress = school.address().strip();
        a.schoolTelephone = school.telephone().strip();
        a.localAuthority = school.localAuthority().strip();
        a.headteacherName = request.headteacher().name().strip();
        a.headteacherEmail = request.headteacher().email().strip();
        var contact = request.mainContact();
        a.mainContactName = contact.name().strip();
        a.mainContactEmail = contact.email().strip();
        a.mainContactTrn = Trn.parse(contact.trn()).value();
        a.mainContactRoles = contact.schoolRoles().strip();
        a.headteacherStatement = request.headteacherStatement().strip();
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedAt = clock.instant();
        if (group.requiredRoles.contains(ParticipantRole.HEADTEACHER.name())) {
            a.people.add(person(a, 0, ParticipantRole.HEADTEACHER.name(), a.headteacherName, a.headteacherEmail, null, "Headteacher"));
        }
        for (var teacher : request.leadTeachers()) {
            a.people.add(person(a, a.people.size(), teacher.role().name(), teacher.name().strip(), teacher.email().strip(),
                    Trn.parse(teacher.trn()).value(), teacher.schoolRoles()));
        }
        return a;
    }

    private static ApplicationPerson person(Application a, int position, String role, String name, String email, String trn,
            String schoolRoles) {
        ApplicationPerson p = new ApplicationPerson();
        p.id = TimeOrderedIds.next();
        p.application = a;
        p.position = position;
        p.role = role;
        p.name = name;
        p.email = email;
        p.trn = trn;
        p.schoolRoles = schoolRoles;
        return p;
    }

    private void requireActsFor(String hubCode) {
        if (!caller.actsFor(hubCode)) {
            throw ProblemException.forbidden("You act for another Maths Hub");
        }
    }

    private static String newReference() {
        StringBuilder reference = new StringBuilder("MH-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The application, and its secret when it was created just now; then also the confirmations it asked for and its
     * decision date, so that the answer needs no further query.
     */
    public record Submission(Application application, Optional<String> secret, List<CommitmentConfirmation> confirmations,
            LocalDate decisionDate) {

        static Submission existing(Application application) {
            return new Submission(application, Optional.empty(), null, null);
        }

        public boolean created() {
            return secret.isPresent();
        }
    }
}
