package uk.mathshubs.catalogue;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import uk.mathshubs.testsupport.TestTokens;

/** What the catalogue's tests set up again and again: a hub of their own, a Work Group's body. */
final class Fixtures {

    private Fixtures() {
    }

    /** A new Maths Hub, made by a programme admin; returns its code. */
    static String newHub() {
        String hub = "HUB_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", hub + " Maths Hub", "contactEmail", "hub@example.org", "region", "West Midlands"))
                .put("/api/v1/hubs/{code}", hub)
                .then().statusCode(201);
        return hub;
    }

    /** A first-come-first-served Mastering Number Work Group of this hub and year, as a body to change at will. */
    static Map<String, Object> workGroup(String hub, String year) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeCode", "MN_RKS1");
        body.put("hubCode", hub);
        body.put("academicYear", year);
        body.put("capacity", 50);
        body.put("lead", "Jo Lead");
        body.put("allocationPolicy", "FIRST_COME_FIRST_SERVED");
        body.put("applicationWindow", Map.of(
                "opensAt", "2027-11-01T09:00:00Z",
                "closesAt", "2028-03-03T17:00:00Z",
                "confirmationDate", "2028-03-09"));
        return body;
    }
}
