package uk.mathshubs.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.mathshubs.contracts.ParticipantRole.Audience.HEADTEACHERS;
import static uk.mathshubs.contracts.ParticipantRole.Audience.LEAD_TEACHERS;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import uk.mathshubs.scheduling.domain.CompletionRule.SessionAttendance;

/**
 * Mastering Number's rule on the seed's pattern: three national live sessions and three local sessions; a school
 * completes when its lead teachers attended every live session and two of the three local ones.
 */
class CompletionRuleTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String MASTERING_NUMBER = """
            {"description": "Attended the national live sessions and two of the three local sessions",
             "requirements": [
               {"label": "the national live sessions", "scope": "CENTRAL", "deliveryModes": ["LIVE_ONLINE"], "atLeast": "ALL"},
               {"label": "two of the three local sessions", "scope": "LOCAL", "atLeast": 2}]}""";

    private final CompletionRule rule = read(MASTERING_NUMBER);

    /** Two lead teachers per school; {@code live} and {@code local} say how many of them came to each session. */
    private static List<SessionAttendance> school(int[] live, int[] local) {
        List<SessionAttendance> sessions = new ArrayList<>();
        for (int came : live) {
            sessions.add(new SessionAttendance(true, DeliveryMode.LIVE_ONLINE, LEAD_TEACHERS, 2, came));
        }
        for (int came : local) {
            sessions.add(new SessionAttendance(false, DeliveryMode.FACE_TO_FACE, LEAD_TEACHERS, 2, came));
        }
        // A national workshop and a headteachers' session the rule does not ask about.
        sessions.add(new SessionAttendance(true, DeliveryMode.ONLINE_WORKSHOP, LEAD_TEACHERS, 2, 0));
        sessions.add(new SessionAttendance(true, DeliveryMode.ONLINE_WORKSHOP, HEADTEACHERS, 1, 0));
        return sessions;
    }

    @TestFactory
    Stream<DynamicTest> theSeedPatternOfThreeLiveAndThreeLocalSessions() {
        record Case(String name, int[] live, int[] local, boolean complete) {
        }
        return Stream.of(
                new Case("everything attended", new int[] {2, 2, 2}, new int[] {2, 2, 2}, true),
                new Case("every live session and two local ones", new int[] {2, 2, 2}, new int[] {2, 0, 2}, true),
                new Case("a live session missed", new int[] {2, 0, 2}, new int[] {2, 2, 2}, false),
                new Case("one of the two teachers missed a live session", new int[] {2, 1, 2}, new int[] {2, 2, 2}, false),
                new Case("only one local session", new int[] {2, 2, 2}, new int[] {2, 0, 0}, false),
                new Case("half a school at the second local session", new int[] {2, 2, 2}, new int[] {2, 1, 0}, false),
                new Case("nothing attended", new int[] {0, 0, 0}, new int[] {0, 0, 0}, false))
                .map(c -> DynamicTest.dynamicTest(c.name(), () ->
                        assertThat(rule.isMetBy(school(c.live(), c.local()))).isEqualTo(c.complete())));
    }

    @Test
    void progressSaysHowFarASchoolIsWithEachRequirement() {
        assertThat(rule.progress(school(new int[] {2, 2, 0}, new int[] {2, 0, 0}))).containsExactly(
                new CompletionRule.Progress("the national live sessions", 2, 3, 3, false),
                new CompletionRule.Progress("two of the three local sessions", 1, 3, 2, false));
    }

    @Test
    void someoneFromTheSchoolCanBeEnoughWhenTheRuleSaysSo() throws Exception {
        CompletionRule anyone = read("""
                {"description": "Someone from the school at two local sessions",
                 "requirements": [{"label": "two local sessions", "scope": "LOCAL", "atLeast": 2, "attendedBy": "SOMEONE"}]}""");

        assertThat(anyone.isMetBy(school(new int[] {0, 0, 0}, new int[] {1, 1, 0}))).isTrue();
        assertThat(rule.isMetBy(school(new int[] {2, 2, 2}, new int[] {1, 1, 0}))).isFalse();
    }

    @Test
    void aRuleThatDoesNotReadIsRefusedSayingWhy() {
        assertThatThrownBy(() -> read("""
                {"description": "x", "requirements": [{"label": "y", "scope": "LOCAL", "atLeast": 0}]}"""))
                .hasRootCauseMessage("requirements[].atLeast: \"ALL\" or a number of sessions above 0, not 0");
        assertThatThrownBy(() -> read("""
                {"description": "x", "requirements": [{"label": "y", "scop": "LOCAL", "atLeast": 2}]}"""))
                .hasMessageContaining("\"scop\"");
        assertThatThrownBy(() -> read("""
                {"description": "x", "requirements": []}""")).hasRootCauseMessage("requirements: name at least one");
    }

    private static CompletionRule read(String json) {
        try {
            return JSON.readValue(json, CompletionRule.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
