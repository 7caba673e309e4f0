package uk.mathshubs.applications.domain.eligibility;

import static uk.mathshubs.applications.domain.eligibility.Outcome.ELIGIBLE;
import static uk.mathshubs.applications.domain.eligibility.Outcome.INELIGIBLE;
import static uk.mathshubs.applications.domain.eligibility.Outcome.NEEDS_REVIEW;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import uk.mathshubs.contracts.AcademicYear;

/**
 * The vocabulary eligibility rule sets are written in. A programme's rules are data (see {@link RuleSet}) that
 * combine these conditions; a new programme needs a new rule set, not new code. Each condition explains itself.
 */
public sealed interface Condition {

    /** The outcome for this school, and why. */
    Judgement judge(Facts facts);

    record Judgement(Outcome outcome, String reason) {
        static Judgement pass(String reason, Object... args) {
            return new Judgement(ELIGIBLE, reason.formatted(args));
        }

        static Judgement fail(String reason, Object... args) {
            return new Judgement(INELIGIBLE, reason.formatted(args));
        }

        static Judgement review(String reason, Object... args) {
            return new Judgement(NEEDS_REVIEW, reason.formatted(args));
        }
    }

    /** "Any state funded primary school": maintained schools, academies and free schools, not independent schools. */
    record StateFunded() implements Condition {
        @Override
        public Judgement judge(Facts facts) {
            SchoolFacts school = facts.school();
            return school.stateFunded()
                    ? Judgement.pass("%s is state-funded (%s)", school.name(), school.establishmentType())
                    : Judgement.fail("%s is not state-funded: the schools register lists it as \"%s\"", school.name(),
                            school.establishmentType());
        }
    }

    /** Maths Hubs are England's: a school in Wales, Scotland or Northern Ireland has its own support. */
    record InEngland() implements Condition {
        @Override
        public Judgement judge(Facts facts) {
            return facts.school().inEngland()
                    ? Judgement.pass("%s is in England", facts.school().name())
                    : Judgement.fail("%s is not in England; Maths Hubs work with schools in England", facts.school().name());
        }
    }

    /** A school that has closed cannot take part; its successor (a new URN) applies instead. */
    record OpenSchool() implements Condition {
        @Override
        public Judgement judge(Facts facts) {
            return facts.school().open()
                    ? Judgement.pass("%s is open", facts.school().name())
                    : Judgement.fail("%s is closed in the schools register; if it reopened under a new URN, apply with that URN",
                            facts.school().name());
        }
    }

    /** The school's phase of education is one of these (for "primary school": primary, middle deemed primary, all-through). */
    record PhaseOfEducation(Set<String> phases, String label) implements Condition {
        public PhaseOfEducation {
            phases = Set.copyOf(phases);
        }

        @Override
        public Judgement judge(Facts facts) {
            SchoolFacts school = facts.school();
            return phases.contains(school.phase())
                    ? Judgement.pass("%s is %s", school.name(), label)
                    : Judgement.fail("%s is %s, not %s", school.name(), describePhase(school.phase()), label);
        }
    }

    /** A junior school: a primary school for ages 7 to 11 only (Years 3 to 6). */
    record JuniorSchool() implements Condition {
        @Override
        public Judgement judge(Facts facts) {
            return facts.school().juniorSchool()
                    ? Judgement.pass("%s is a junior school", facts.school().name())
                    : Judgement.fail("%s is not a junior school", facts.school().name());
        }
    }

    /**
     * The school took part in (or, if {@code completed}, completed) one of {@code programmes} in the years {@code when} says,
     * e.g. "in a Sustaining Work Group in 2023/24" for a 2024/25 Work Group.
     */
    record TookPart(Set<String> programmes, String label, When when, boolean completed) implements Condition {
        public TookPart {
            programmes = Set.copyOf(programmes);
        }

        @Override
        public Judgement judge(Facts facts) {
            List<Participation> matching = facts.history().stream()
                    .filter(p -> programmes.contains(p.programmeCode()) && when.includes(p.year(), facts.year()))
                    .filter(p -> p.completed() || !completed)
                    .toList();
            String verb = completed ? "completed" : "took part in";
            return matching.isEmpty()
                    ? Judgement.fail("the platform holds no record that %s %s %s %s", facts.school().name(), verb, label,
                            when.describe(facts.year()))
                    : Judgement.pass("%s %s %s (%s)", facts.school().name(), verb, label, describe(matching));
        }
    }

    /** The school has never taken part in any of {@code programmes}: "has NOT YET engaged with the Mastering Number programme". */
    record NeverTookPart(Set<String> programmes, String label) implements Condition {
        public NeverTookPart {
            programmes = Set.copyOf(programmes);
        }

        @Override
        public Judgement judge(Facts facts) {
            List<Participation> matching = facts.history().stream()
                    .filter(p -> programmes.contains(p.programmeCode()))
                    .toList();
            return matching.isEmpty()
                    ? Judgement.pass("%s has not taken part in %s before", facts.school().name(), label)
                    : Judgement.fail("%s has already taken part in %s (%s)", facts.school().name(), label, describe(matching));
        }
    }

    /** A question on the form the school answers for itself; "not sure" is a real answer, and the hub reviews it. */
    record Declared(String declaration, String question) implements Condition {
        @Override
        public Judgement judge(Facts facts) {
            return facts.answer(declaration).map(answer -> switch (answer) {
                case YES -> Judgement.pass("the school answered yes to \"%s\"", question);
                case NO -> Judgement.fail("the school answered no to \"%s\"", question);
                case UNSURE -> Judgement.review("the school is not sure about \"%s\"; its Maths Hub will look at this with the school",
                        question);
            }).orElseGet(() -> Judgement.review("the school has not yet answered \"%s\"", question));
        }
    }

    /** Which years of a school's history a {@link TookPart} condition looks at, relative to the Work Group's year. */
    enum When {
        /** The year before the Work Group's ("in a Sustaining Work Group in 2023/24" for 2024/25). */
        YEAR_BEFORE,
        /** Any year before the Work Group's ("previously taken part"). */
        ANY_EARLIER_YEAR,
        /** The Work Group's own year ("intends to join a Mastery Readiness Work Group in 2024"). */
        SAME_YEAR;

        boolean includes(AcademicYear year, AcademicYear workGroupYear) {
            return switch (this) {
                case YEAR_BEFORE -> year.equals(workGroupYear.previous());
                case ANY_EARLIER_YEAR -> year.startYear() < workGroupYear.startYear();
                case SAME_YEAR -> year.equals(workGroupYear);
            };
        }

        String describe(AcademicYear workGroupYear) {
            return switch (this) {
                case YEAR_BEFORE -> "in " + workGroupYear.previous();
                case ANY_EARLIER_YEAR -> "before " + workGroupYear;
                case SAME_YEAR -> "in " + workGroupYear;
            };
        }
    }

    private static String describe(List<Participation> history) {
        return history.stream()
                .map(p -> p.programmeCode() + " in " + p.year() + (p.completed() ? ", completed" : ""))
                .sorted()
                .collect(Collectors.joining("; "));
    }

    private static String describePhase(String phase) {
        return switch (phase) {
            case "NOT_APPLICABLE" -> "a school without a phase of education";
            case "SIXTEEN_PLUS" -> "a 16 plus school";
            case "ALL_THROUGH" -> "an all-through school";
            default -> "a " + phase.toLowerCase(Locale.ROOT).replace('_', ' ') + " school";
        };
    }
}
