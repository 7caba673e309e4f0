package uk.mathshubs.scheduling.domain;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import uk.mathshubs.contracts.ParticipantRole.Audience;

/**
 * What a school must attend to complete a Work Group, held as data per programme, for example Mastering Number's
 * "attended the national live sessions and two of the three local sessions":
 *
 * <pre>{"description": "...", "requirements": [
 *   {"label": "the national live sessions", "scope": "CENTRAL", "deliveryModes": ["LIVE_ONLINE"], "atLeast": "ALL"},
 *   {"label": "two of the three local sessions", "scope": "LOCAL", "atLeast": 2}]}</pre>
 *
 * A requirement counts the sessions its filters select (scope, delivery modes, audiences; none means any) among
 * those the school's people were expected at and that were not cancelled. A school attended a session when every one
 * of its people expected there attended ({@code attendedBy: EVERYONE_EXPECTED}, the default) or when at least one
 * of them did ({@code SOMEONE}). The school completes when it meets every requirement.
 */
public record CompletionRule(String description, List<Requirement> requirements) {

    public CompletionRule {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description: say in a sentence what a school must attend");
        }
        if (requirements == null || requirements.isEmpty()) {
            throw new IllegalArgumentException("requirements: name at least one");
        }
        requirements = List.copyOf(requirements);
    }

    public enum Scope {
        CENTRAL, LOCAL, ANY
    }

    public enum AttendedBy {
        EVERYONE_EXPECTED, SOMEONE
    }

    public record Requirement(String label, Scope scope, Set<DeliveryMode> deliveryModes, Set<Audience> audiences,
            Minimum atLeast, AttendedBy attendedBy) {

        public Requirement {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("requirements[].label: say what is required, as a school would read it");
            }
            if (atLeast == null) {
                throw new IllegalArgumentException("requirements[].atLeast: \"ALL\" or a number of sessions");
            }
            scope = scope == null ? Scope.ANY : scope;
            deliveryModes = deliveryModes == null ? Set.of() : Set.copyOf(deliveryModes);
            audiences = audiences == null ? Set.of() : Set.copyOf(audiences);
            attendedBy = attendedBy == null ? AttendedBy.EVERYONE_EXPECTED : attendedBy;
        }

        boolean selects(SessionAttendance session) {
            return (scope == Scope.ANY || (scope == Scope.CENTRAL) == session.central())
                    && (deliveryModes.isEmpty() || deliveryModes.contains(session.deliveryMode()))
                    && (audiences.isEmpty() || audiences.contains(session.audience()));
        }

        boolean attended(SessionAttendance session) {
            return attendedBy == AttendedBy.SOMEONE ? session.attended() > 0 : session.attended() == session.expected();
        }

        Progress progress(List<SessionAttendance> sessions) {
            List<SessionAttendance> counted = sessions.stream().filter(this::selects).toList();
            int attended = (int) counted.stream().filter(this::attended).count();
            int needed = atLeast.all() ? counted.size() : atLeast.sessions();
            return new Progress(label, attended, counted.size(), needed, attended >= needed);
        }
    }

    /** "ALL" of the sessions selected, or a number of them. */
    public record Minimum(boolean all, int sessions) {

        public static final Minimum ALL = new Minimum(true, 0);

        @JsonCreator
        public static Minimum of(Object value) {
            if ("ALL".equals(value)) {
                return ALL;
            }
            if (value instanceof Integer count && count > 0) {
                return new Minimum(false, count);
            }
            throw new IllegalArgumentException("requirements[].atLeast: \"ALL\" or a number of sessions above 0, not " + value);
        }

        @JsonValue
        public Object json() {
            return all ? "ALL" : sessions;
        }
    }

    /** One session as far as a school is concerned: how many of its people were expected there, and how many came. */
    public record SessionAttendance(boolean central, DeliveryMode deliveryMode, Audience audience, int expected,
            int attended) {
    }

    /** How far a school is with one requirement. */
    public record Progress(String label, int attended, int counted, int needed, boolean met) {
    }

    public List<Progress> progress(List<SessionAttendance> sessions) {
        return requirements.stream().map(r -> r.progress(sessions)).toList();
    }

    public boolean isMetBy(List<SessionAttendance> sessions) {
        return progress(sessions).stream().allMatch(Progress::met);
    }
}
