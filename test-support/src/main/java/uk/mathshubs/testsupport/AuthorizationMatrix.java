package uk.mathshubs.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import io.restassured.response.Response;

/**
 * Who may do what: every endpoint against every kind of caller, each in their own Maths Hub and in another's. A row
 * names a request (built afresh for each caller, so one caller's change cannot decide another's answer) and the
 * status each caller must get, in the order of {@link Who}. Refusals must be problem+json.
 */
public final class AuthorizationMatrix {

    public static final String OWN_HUB = "CENTRAL";
    public static final String FOREIGN_HUB = "SHAW";
    /** The trust whose lead is "own trust"; tests put their own school in it when a row needs one. */
    public static final String OWN_TRUST = "5712";
    public static final String FOREIGN_TRUST = "9999";

    private AuthorizationMatrix() {
    }

    /** The callers, in the order a row's statuses are written. */
    public enum Who {
        ANONYMOUS, PROGRAMME_ADMIN, HUB_ADMIN_OWN_HUB, HUB_ADMIN_OTHER_HUB, HUB_WEBSITE_OWN_HUB, HUB_WEBSITE_OTHER_HUB,
        NCETM_INTEGRATION, TRUST_LEAD_OWN_TRUST, TRUST_LEAD_OTHER_TRUST;

        /** The bearer token, or null for an anonymous caller. */
        public String token() {
            return switch (this) {
                case ANONYMOUS -> null;
                case PROGRAMME_ADMIN -> TestTokens.programmeAdmin();
                case HUB_ADMIN_OWN_HUB -> TestTokens.hubAdmin(OWN_HUB);
                case HUB_ADMIN_OTHER_HUB -> TestTokens.hubAdmin(FOREIGN_HUB);
                case HUB_WEBSITE_OWN_HUB -> TestTokens.hubWebsite(OWN_HUB);
                case HUB_WEBSITE_OTHER_HUB -> TestTokens.hubWebsite(FOREIGN_HUB);
                case NCETM_INTEGRATION -> TestTokens.ncetmIntegration();
                case TRUST_LEAD_OWN_TRUST -> TestTokens.trustLead(OWN_TRUST);
                case TRUST_LEAD_OTHER_TRUST -> TestTokens.trustLead(FOREIGN_TRUST);
            };
        }
    }

    /**
     * One endpoint: {@code statuses} such as {@code "401 200 200 403 200 403 403 403 403"}, one per {@link Who}; the
     * request gets a RestAssured specification with the caller's token already set.
     */
    public record Row(String endpoint, String statuses, Function<io.restassured.specification.RequestSpecification, Response> request) {

        int[] expected() {
            int[] codes = Arrays.stream(statuses.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            if (codes.length != Who.values().length) {
                throw new IllegalArgumentException(endpoint + ": " + Who.values().length + " statuses, one per caller");
            }
            return codes;
        }
    }

    public static Row row(String endpoint, String statuses,
            Function<io.restassured.specification.RequestSpecification, Response> request) {
        return new Row(endpoint, statuses, request);
    }

    public static Stream<DynamicNode> tests(List<Row> rows) {
        int callers = Who.values().length;
        System.out.printf("Authorization matrix: %d endpoints x %d callers = %d checks%n", rows.size(), callers,
                rows.size() * callers);
        return rows.stream().map(row -> {
            int[] expected = row.expected();
            return DynamicContainer.dynamicContainer(row.endpoint(), Arrays.stream(Who.values()).map(who ->
                    DynamicTest.dynamicTest(who.name().toLowerCase().replace('_', ' ') + " gets " + expected[who.ordinal()], () -> {
                        var spec = io.restassured.RestAssured.given();
                        if (who.token() != null) {
                            spec.auth().oauth2(who.token());
                        }
                        Response response = row.request().apply(spec);
                        assertThat(response.statusCode()).as("%s as %s: %s", row.endpoint(), who, response.body().asString())
                                .isEqualTo(expected[who.ordinal()]);
                        if (response.statusCode() >= 400) {
                            assertThat(response.contentType()).as("%s as %s", row.endpoint(), who)
                                    .startsWith("application/problem+json");
                        }
                    })));
        });
    }
}
