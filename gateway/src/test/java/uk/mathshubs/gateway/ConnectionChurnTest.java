package uk.mathshubs.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import uk.mathshubs.testsupport.TestTokens;

/** A service closing the connection the gateway sent a request on, before answering. */
@QuarkusTest
@TestProfile(ChurningServices.Profile.class)
class ConnectionChurnTest {

    @Test
    void anIdempotentRequestIsSentOnceMoreOnANewConnectionAndAnswered() {
        // Every request meets a connection that closes on it first: sent again, once, and answered.
        for (int i = 0; i < 6; i++) {
            int before = ChurningServices.REQUESTS.get();
            given().auth().oauth2(TestTokens.programmeAdmin())
                    .get("/api/v1/programmes")
                    .then().statusCode(200)
                    .body("method", equalTo("GET"));
            assertThat(ChurningServices.REQUESTS.get() - before).isEqualTo(2);
        }
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json").body("{}")
                .put("/api/v1/programmes/MN_KS2")
                .then().statusCode(200)
                .body("method", equalTo("PUT"));
    }

    @Test
    void aPostIsNotSentTwice() {
        // Alternately met by a closing connection (a 503, never sent again) and by one that answers.
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            int before = ChurningServices.REQUESTS.get();
            int status = given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json").body("{}")
                    .post("/api/v1/work-groups")
                    .then().extract().statusCode();
            assertThat(ChurningServices.REQUESTS.get() - before).isEqualTo(1);
            if (status == 200) {
                answered++;
            } else {
                assertThat(status).isEqualTo(503);
                refused++;
            }
        }
        assertThat(answered).isEqualTo(2);
        assertThat(refused).isEqualTo(2);
    }
}
