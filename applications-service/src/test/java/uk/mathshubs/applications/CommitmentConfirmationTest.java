package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.ReceivedMail;
import uk.mathshubs.testsupport.TestTokens;

/** Each person named on the form confirms the programme's expectations through their own single-use link, sent by email (to GreenMail). */
@QuarkusTest
class CommitmentConfirmationTest {

    private static final Pattern LINK = Pattern.compile("/api/v1/confirmations/([A-Za-z0-9_-]+)");

    @Test
    void theHeadteacherAndEveryLeadTeacherConfirmAndThenTheApplicationIsComplete() {
        UUID group = WorkGroups.openGroup("CENTRAL", 5);
        String urn = ApplicationSubmissionTest.urn();
        var submitted = given().auth().oauth2(TestTokens.hubWebsite("CENTRAL")).contentType(ContentType.JSON)
                .body(ApplicationForms.valid(urn)).post("/api/v1/work-groups/{id}/applications", group)
                .then().statusCode(201)
                .body("application.confirmations.role", contains("HEADTEACHER", "LEAD_TEACHER_RECEPTION", "LEAD_TEACHER_YEAR_1",
                        "LEAD_TEACHER_YEAR_2", "MATHS_LEAD"))
                .body("application.complete", equalTo(false))
                .extract();
        String reference = submitted.path("reference");
        String secret = submitted.path("secret");

        List<String> people = List.of("head@elstonhall.example", "rita.reception@school.example", "yusuf.one@school.example",
                "yolanda.two@school.example", "sam.wycherley@school.example");
        for (String email : people) {
            String token = await().atMost(Duration.ofSeconds(10)).until(() -> linkSentTo(email, reference), t -> t != null);
            given().get("/api/v1/confirmations/{token}", token).then().statusCode(200).body("confirmedAt", equalTo(null));
            given().post("/api/v1/confirmations/{token}", token).then().statusCode(200).body("confirmedAt", notNullValue());
            // Single use: the link cannot sign twice.
            given().post("/api/v1/confirmations/{token}", token).then().statusCode(410).contentType("application/problem+json");
        }

        given().header("Application-Secret", secret).get("/api/v1/applications/{ref}", reference)
                .then().statusCode(200)
                .body("complete", equalTo(true))
                .body("confirmations.confirmedAt", everyItem(notNullValue()));
        given().post("/api/v1/confirmations/{token}", "not-a-token").then().statusCode(404).contentType("application/problem+json");
    }

    /** The link in this application's confirmation request to this person (other tests mail the same addresses). */
    private static String linkSentTo(String email, String reference) {
        List<ReceivedMail> mails = ReceivedMail.to(email).stream()
                .filter(mail -> mail.subject().startsWith("Please confirm") && mail.text().contains(reference)).toList();
        if (mails.isEmpty()) {
            return null;
        }
        assertThat(mails).as("one confirmation request to %s", email).hasSize(1);
        Matcher link = LINK.matcher(mails.getFirst().text());
        assertThat(link.find()).as("a confirmation link in the email to %s", email).isTrue();
        return link.group(1);
    }
}
