package uk.mathshubs.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.scheduling.notifications.SessionMails;
import uk.mathshubs.scheduling.notifications.SessionMails.SessionMail;

/** The session email templates, rendered directly: British English, times in UK local time either side of the clock change. */
@QuarkusTest
class SessionMailsTest {

    private static SessionMail workshop(Instant startsAt, Instant endsAt, String reason) {
        return new SessionMail("Fola Four", "lead teacher year 4", "Elston Hall Primary School",
                "Central Maths Hub's Mastering Number at KS2 Work Group for 2024/25",
                "the NCETM, for every Mastering Number at KS2 Work Group", true,
                "Workshop 1", "Online workshop", startsAt, endsAt, null, "https://live.example/ws1", reason);
    }

    @Test
    void anInvitationSaysWhatWhenAndHowToJoin() {
        // Tuesday 17 September 2024, 13:15-16:00 BST (the seed's Workshop 1).
        assertThat(SessionMails.invitation(workshop(Instant.parse("2024-09-17T12:15:00Z"), Instant.parse("2024-09-17T15:00:00Z"), null)))
                .isEqualTo("""
                        Dear Fola Four,

                        You are invited, as lead teacher year 4 for Elston Hall Primary School in Central Maths Hub's \
                        Mastering Number at KS2 Work Group for 2024/25, to this national session:

                          Workshop 1
                          Tuesday 17 September 2024, 13:15 to 16:00 (UK time)
                          Online workshop, run by the NCETM, for every Mastering Number at KS2 Work Group
                          Join: https://live.example/ws1

                        The attached calendar file adds the session to your calendar. If the session is moved or cancelled, \
                        we will email you and your calendar entry will update.

                        Maths Hubs Work Groups
                        """);
    }

    @Test
    void aMoveAndACancellationGiveTheirReason() {
        // Thursday 9 January 2025, 09:00 GMT.
        assertThat(SessionMails.moved(workshop(Instant.parse("2025-01-09T09:00:00Z"), Instant.parse("2025-01-09T11:45:00Z"),
                "The presenter is ill"))).contains("has moved", "now Thursday 9 January 2025, 09:00 to 11:45 (UK time)",
                "Why it moved: The presenter is ill");
        assertThat(SessionMails.cancelled(workshop(Instant.parse("2025-01-09T09:00:00Z"), Instant.parse("2025-01-09T11:45:00Z"),
                "Too few schools could attend"))).contains("has been cancelled", "Thursday 9 January 2025, 09:00 to 11:45 (UK time)",
                "Why: Too few schools could attend").doesNotContain("Join:");
    }
}
