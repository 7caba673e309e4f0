package uk.mathshubs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.mathshubs.gateway.routing.Route;
import uk.mathshubs.gateway.routing.RouteTable;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/work-groups/wg-1/applications,          APPLICATIONS",
            "/api/v1/work-groups/wg-1/applications/APP-1,    APPLICATIONS",
            "/api/v1/applications,                           APPLICATIONS",
            "/api/v1/applications/APP-1/decision,            APPLICATIONS",
            "/api/v1/work-groups/wg-1/eligibility-check,     APPLICATIONS",
            "/api/v1/work-groups/wg-1/interest,              APPLICATIONS",
            "/api/v1/eligibility-rule-sets/MN_KS2,           APPLICATIONS",
            "/api/v1/confirmations/tok3n,                    APPLICATIONS",
            "/api/v1/schools/137001/participation,           APPLICATIONS",
            "/api/v1/participation-history/import,           APPLICATIONS",
            "/api/v1/erasures,                               APPLICATIONS",
            "/api/v1/trusts/5712/applications,               APPLICATIONS",
            "/api/v1/audit/applications-service,             APPLICATIONS",
            "/api/v1/audit/scheduling-service,               SCHEDULING",
            "/api/v1/audit/programme-catalogue-service,      CATALOGUE",
            "/api/v1/audit/webhooks-service,                 WEBHOOKS",
            "/api/v1/webhooks,                               WEBHOOKS",
            "/api/v1/reason-codes/session-cancellation,      SCHEDULING",
            "/api/v1/reason-codes/rejection,                 APPLICATIONS",
            "/api/v1/reason-codes/withdrawal,                APPLICATIONS",
            "/api/v1/reason-codes/offer-decline,             APPLICATIONS",
            "/api/v1/reason-codes/session-cancellationX,     APPLICATIONS",
            "/api/v1/reason-codesX,                          NONE",
            "/console,                                       CONSOLE",
            "/console/work-groups/wg-1,                      CONSOLE",
            "/console/assets/govuk-frontend.min.css,         CONSOLE",
            "/api/v1/webhooks/w-1/deliveries/d-2/redelivery, WEBHOOKS",
            "/api/v1/work-groups/wg-1/sessions,              SCHEDULING",
            "/api/v1/work-groups/wg-1/sessions/s-2,          SCHEDULING",
            "/api/v1/central-sessions,                       SCHEDULING",
            "/api/v1/work-groups/wg-1/session-plan,          SCHEDULING",
            "/api/v1/work-groups/wg-1/completion,            SCHEDULING",
            "/api/v1/work-groups/wg-1/calendar.ics,          SCHEDULING",
            "/api/v1/work-groups/wg-1/calendar.icsx,         CATALOGUE",
            "/api/v1/calendars/abc.ics,                      SCHEDULING",
            "/api/v1/programme-schedules/MN_KS2,             SCHEDULING",
            "/api/v1/sessions/s-2/attendance,                SCHEDULING",
            "/api/v1/participation,                          SCHEDULING",
            "/api/v1/surveys,                                SCHEDULING",
            "/api/v1/surveys/abc/work-groups/def/questions,  SCHEDULING",
            "/api/v1/survey-invitations/abc/response,        SCHEDULING",
            "/api/v1/certificates/MH-7K3Q-9XW2-PD4M,         SCHEDULING",
            "/api/v1/certificate-files/abc.pdf,              SCHEDULING",
            "/api/v1/programmes,                             CATALOGUE",
            "/api/v1/programmes/p-1,                         CATALOGUE",
            "/api/v1/hubs/CENTRAL,                           CATALOGUE",
            "/api/v1/work-groups,                            CATALOGUE",
            "/api/v1/work-groups/wg-1,                       CATALOGUE",
            "/api/v1/work-groups/wg-1/status,                CATALOGUE",
            "/api/v1/work-groups/wg-1/applicationsX,         CATALOGUE",
            "/api/v1/work-groups//applications,              CATALOGUE",
            "/api/v1/programmesX,                            NONE",
            "/api/v1/sessionsX,                              NONE",
            "/api/v2/programmes,                             NONE",
            "/api/v1,                                        NONE",
            "/q/health,                                      NONE",
    })
    void theFirstMatchingRouteNamesTheService(String path, String service) {
        assertThat(RouteTable.find(path).map(Route::upstream).map(Enum::name).orElse("NONE")).isEqualTo(service);
    }
}
