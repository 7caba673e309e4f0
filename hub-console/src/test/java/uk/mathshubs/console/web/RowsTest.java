package uk.mathshubs.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.mathshubs.console.api.CatalogueApi;
import uk.mathshubs.console.api.SchedulingApi.Attendance;

class RowsTest {

    @Test
    void aRegisterRowEscapesWhatTheApiSaysAndChecksTheMarkRecorded() {
        UUID id = UUID.fromString("0190f3c2-7d1e-7000-8000-000000000001");
        String row = Rows.register(List.of(new Attendance(id, "137001", "St Mary & St John's <Primary>", "Zoë \"Zed\" O'Neil",
                "LEAD_TEACHER_YEAR_1", "ABSENT", 1, Instant.EPOCH, "central.admin")), RegisterPages.MARKS).getValue();

        assertThat(row).contains("Zoë &quot;Zed&quot; O&#39;Neil", "St Mary &amp; St John&#39;s &lt;Primary&gt;", "Lead teacher year 1",
                "id=\"attendance-" + id + "-ABSENT\" name=\"attendance-" + id + "\" type=\"radio\" value=\"ABSENT\" checked>",
                "value=\"ATTENDED\">", "value=\"APOLOGIES\">")
                .doesNotContain("<Primary>", "\"Zed\"");
    }

    @Test
    void aWorkGroupRowCarriesAFormForEachStatusChangeWithTheToken() {
        UUID id = UUID.fromString("0190f3c2-7d1e-7000-8000-0000000000aa");
        var group = new CatalogueApi.WorkGroup(id, new CatalogueApi.Named("MN_RKS1", "Mastering <Number>", null),
                new CatalogueApi.Named("CENTRAL", null, "Central Maths Hub"), "2027/28", 50, 12, "A Lead", "FIRST_COME_FIRST_SERVED",
                "OPEN", new CatalogueApi.Window(Instant.parse("2027-01-10T09:00:00Z"), Instant.parse("2027-03-01T17:00:00Z"),
                        LocalDate.of(2027, 3, 7)), true);
        String row = Rows.workGroups(List.of(group), "CENTRAL", "csrf", "t\"k").getValue();

        assertThat(row).contains("Mastering &lt;Number&gt;", "12 of 50", "Decisions on 7 March 2027",
                "action=\"/console/work-groups/" + id + "/status\"", "name=\"csrf\" value=\"t&quot;k\"",
                "name=\"status\" value=\"CLOSED\"", "name=\"hub\" value=\"CENTRAL\"", "Close applications");
    }
}
