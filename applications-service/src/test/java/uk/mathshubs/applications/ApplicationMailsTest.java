package uk.mathshubs.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.mathshubs.applications.notifications.ApplicationMails;
import uk.mathshubs.applications.notifications.ApplicationMails.WorkGroupNames;

/** The email templates, rendered directly: what each says, in British English, with dates in UK local time. */
@QuarkusTest
class ApplicationMailsTest {

    private static final WorkGroupNames GROUP = new WorkGroupNames("Mastering Number at Reception and Key Stage 1",
            "Central Maths Hub", "2024/25", LocalDate.of(2024, 3, 7));

    @Test
    void anApplicationReceivedNamesTheWorkGroupTheReferenceAndTheConfirmationDate() {
        String text = ApplicationMails.received(new ApplicationMails.Received("Sam Wycherley", "Elston Hall Primary School",
                "MH-ABCD-1234", GROUP, "ELIGIBLE", null));
        assertThat(text).isEqualTo("""
                Dear Sam Wycherley,

                Thank you: we have received Elston Hall Primary School's application for a place in Central Maths Hub's \
                Mastering Number at Reception and Key Stage 1 Work Group for 2024/25.

                Your application reference is MH-ABCD-1234. Please quote it whenever you contact Central Maths Hub about this application.

                Schools hear whether they have a place on Thursday 7 March 2024. We will email you then.

                The headteacher and each lead teacher named on the form will also receive their own email, asking them \
                to confirm the programme's expectations.

                Maths Hubs Work Groups, for Central Maths Hub
                """);
    }

    @Test
    void anIneligibleOrToBeReviewedApplicationSaysWhy() {
        assertThat(ApplicationMails.received(new ApplicationMails.Received("Ann Head", "Elston Hall", "MH-1", GROUP, "INELIGIBLE",
                "The school has already taken part in Mastering Number")))
                .contains("cannot take part in this Work Group: The school has already taken part in Mastering Number")
                .doesNotContain("Schools hear whether");
        assertThat(ApplicationMails.received(new ApplicationMails.Received("Ann Head", "Elston Hall", "MH-1", GROUP, "NEEDS_REVIEW",
                "The school is not sure it still uses the materials")))
                .contains("Central Maths Hub will review your application before deciding: The school is not sure");
    }

    @Test
    void decisionsSayWhatWasDecided() {
        assertThat(ApplicationMails.accepted(new ApplicationMails.Decision("Ann Head", "Elston Hall", "MH-1", GROUP, null, null)))
                .contains("Elston Hall has a place in Central Maths Hub's Mastering Number at Reception and Key Stage 1 Work Group "
                        + "for 2024/25 (application MH-1)", "invitation, with a calendar entry");
        assertThat(ApplicationMails.waitlisted(new ApplicationMails.Decision("Ann Head", "Elston Hall", "MH-1", GROUP, 3, null)))
                .contains("Elston Hall is on the waiting list, at number 3.");
        assertThat(ApplicationMails.rejected(new ApplicationMails.Decision("Ann Head", "Elston Hall", "MH-1", GROUP, null,
                "The school is closing in July")))
                .contains("has not been given a place", "The reason Central Maths Hub gives: The school is closing in July");
        assertThat(ApplicationMails.rejected(new ApplicationMails.Decision("Ann Head", "Elston Hall", "MH-1", GROUP, null, null)))
                .doesNotContain("The reason");
    }

    @Test
    void anOfferGivesItsDeadlineInUkLocalTimeEitherSideOfTheClockChange() {
        // 17:00 GMT in March; 16:00 UTC in June is 17:00 BST.
        assertThat(ApplicationMails.offered(new ApplicationMails.Offer("Ann Head", "Elston Hall", "MH-1", GROUP,
                Instant.parse("2024-03-07T17:00:00Z")))).contains("held for you until 17:00 on Thursday 7 March 2024 (UK time)");
        assertThat(ApplicationMails.offered(new ApplicationMails.Offer("Ann Head", "Elston Hall", "MH-1", GROUP,
                Instant.parse("2024-06-06T16:00:00Z")))).contains("held for you until 17:00 on Thursday 6 June 2024 (UK time)");
    }

    @Test
    void aConfirmationRequestCarriesThePersonsOwnLink() {
        assertThat(ApplicationMails.confirmationRequest(new ApplicationMails.ConfirmationRequest("Rita Reception", "Elston Hall",
                "MH-1", GROUP, "https://hub.example/confirm/abc")))
                .startsWith("Dear Rita Reception,")
                .contains("Elston Hall has applied for a place in Central Maths Hub's", "(application MH-1) and has named you",
                        "https://hub.example/confirm/abc", "This link is for you alone and works once.");
    }
}
