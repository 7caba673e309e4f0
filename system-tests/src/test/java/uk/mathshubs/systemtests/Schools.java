package uk.mathshubs.systemtests;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Schools as the GIAS register lists them, and their application forms as a hub website sends them. */
final class Schools {

    private static final String GIAS_HEADER = "URN,LA (code),LA (name),EstablishmentNumber,EstablishmentName,"
            + "TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (code),EstablishmentStatus (name),"
            + "PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,Street,Locality,Town,Postcode,"
            + "TelephoneNum,DistrictAdministrative (code),DistrictAdministrative (name)";

    private Schools() {
    }

    /** A GIAS extract of open academy primary schools in Wolverhampton: URN to name. */
    static String register(Map<String, String> nameByUrn) {
        return GIAS_HEADER + "\n" + nameByUrn.entrySet().stream()
                .map(school -> school.getKey() + ",336,Wolverhampton,2001," + school.getValue()
                        + ",34,Academy converter,1,Open,2,Primary,4,11,Elston Hall Lane,,Wolverhampton,WV10 9JS,01902556360,"
                        + "E08000031,Wolverhampton")
                .collect(Collectors.joining("\n")) + "\n";
    }

    /** A complete Mastering Number R/KS1 application. */
    static Map<String, Object> application(String urn) {
        return Map.of(
                "school", Map.of("urn", urn, "name", "Elston Hall Primary School " + urn, "address", "Elston Hall Lane, Wolverhampton",
                        "telephone", "01902 556360", "localAuthority", "Wolverhampton"),
                "headteacher", Map.of("name", "Ann Head", "email", "head" + urn + "@school.example"),
                "mainContact", Map.of("name", "Sam Wycherley", "email", "sam" + urn + "@school.example", "trn", "1234567",
                        "schoolRoles", "Maths lead"),
                "leadTeachers", List.of(
                        teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", urn, "2345678"),
                        teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", urn, "3456789"),
                        teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", urn, "4567890"),
                        teacher("MATHS_LEAD", "Sam Wycherley", urn, "1234567")),
                "headteacherStatement", "Our children need secure number sense before Key Stage 2.");
    }

    /** The calendar year the academic year under way today began in (it starts in September). */
    static int thisAcademicYearStart() {
        LocalDate today = LocalDate.now();
        return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
    }

    /** The academic year starting in September of {@code startYear}, such as 2026/27. */
    static String academicYear(int startYear) {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    private static Map<String, Object> teacher(String role, String name, String urn, String trn) {
        return Map.of("role", role, "name", name, "email", name.toLowerCase().replace(' ', '.') + urn + "@school.example",
                "trn", trn, "schoolRoles", "Class teacher");
    }
}
