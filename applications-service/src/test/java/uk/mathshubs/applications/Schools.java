package uk.mathshubs.applications;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import uk.mathshubs.testsupport.TestTokens;

/**
 * Schools put into the register the way the NCETM does it: a GIAS extract imported through the API (ISO-8859-1,
 * only the columns the platform reads), and participation history imported the same way.
 */
final class Schools {

    private static final String GIAS_HEADER = "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),"
            + "EstablishmentStatus (code),EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),"
            + "StatutoryLowAge,StatutoryHighAge,LA (name),DistrictAdministrative (code),Street,Town,Postcode";

    private Schools() {
    }

    /** A fresh URN no other test uses. */
    static String urn() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    /** An open academy primary school in England (ages 4 to 11). */
    static String primary(String urn) {
        return row(urn, "Primary " + urn, "34", "Academy converter", "1", "Open", "2", "Primary", 4, 11, "E08000031");
    }

    static String junior(String urn) {
        return row(urn, "Junior " + urn, "1", "Community school", "1", "Open", "2", "Primary", 7, 11, "E06000030");
    }

    static String independent(String urn) {
        return row(urn, "Independent " + urn, "11", "Other independent school", "1", "Open", "2", "Primary", 3, 11, "E09000020");
    }

    static String row(String urn, String name, String typeCode, String typeName, String statusCode, String statusName,
            String phaseCode, String phaseName, int lowAge, int highAge, String district) {
        return String.join(",", urn, quoted(name), typeCode, quoted(typeName), statusCode, quoted(statusName), phaseCode, phaseName,
                String.valueOf(lowAge), String.valueOf(highAge), "Wolverhampton", district, "\"1 School Lane, Elston\"",
                "Wolverhampton", "WV10 9JS");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static String header() {
        return GIAS_HEADER;
    }

    static void registerPrimaries(Collection<String> urns) {
        register(urns.stream().map(Schools::primary).toList());
    }

    static void register(String... rows) {
        register(List.of(rows));
    }

    static void register(List<String> rows) {
        String csv = GIAS_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
        given().auth().oauth2(TestTokens.programmeAdmin())
                .contentType("text/csv; charset=ISO-8859-1")
                .body(csv.getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/v1/schools/import")
                .then().statusCode(200);
    }

    /** Rows of {@code URN,ProgrammeCode,AcademicYear,Outcome}, e.g. {@code 137001,MN_RKS1,2023/24,COMPLETED}. */
    static void history(String... rows) {
        String csv = "URN,ProgrammeCode,AcademicYear,Outcome\r\n" + String.join("\r\n", rows) + "\r\n";
        given().auth().oauth2(TestTokens.programmeAdmin())
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/participation-history/import")
                .then().statusCode(200);
    }
}
