package uk.mathshubs.applications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A complete, valid Mastering Number R/KS1 application form, to change one field at a time. */
final class ApplicationForms {

    private ApplicationForms() {
    }

    static Map<String, Object> valid(String urn) {
        Map<String, Object> form = new HashMap<>();
        form.put("school", Map.of("urn", urn, "name", "Elston Hall Primary School", "address", "Elston Hall Lane, Wolverhampton",
                "telephone", "01902 556360", "localAuthority", "Wolverhampton"));
        form.put("headteacher", Map.of("name", "Ann Head", "email", "head@elstonhall.example"));
        form.put("mainContact", Map.of("name", "Sam Wycherley", "email", "sam@elstonhall.example", "trn", "12 34 567",
                "schoolRoles", "Maths lead, Year 2 teacher"));
        form.put("leadTeachers", List.of(
                teacher("LEAD_TEACHER_RECEPTION", "Rita Reception", "1234567"),
                teacher("LEAD_TEACHER_YEAR_1", "Yusuf One", "2345678"),
                teacher("LEAD_TEACHER_YEAR_2", "Yolanda Two", "3456789"),
                teacher("MATHS_LEAD", "Sam Wycherley", "1234567")));
        form.put("headteacherStatement", "We want every child to leave Key Stage 1 fluent with number.");
        return form;
    }

    /** A Mastering Number KS2 form: the Year 4 and Year 5 lead teachers, and the answers to the programme's questions. */
    static Map<String, Object> ks2(String urn, Map<String, String> declarations) {
        Map<String, Object> form = valid(urn);
        form.put("leadTeachers", List.of(
                teacher("LEAD_TEACHER_YEAR_4", "Fola Four", "4567890"),
                teacher("LEAD_TEACHER_YEAR_5", "Femi Five", "5678901")));
        form.put("declarations", declarations);
        return form;
    }

    static Map<String, Object> teacher(String role, String name, String trn) {
        return Map.of("role", role, "name", name, "email", name.toLowerCase().replace(' ', '.') + "@school.example",
                "trn", trn, "schoolRoles", "Class teacher");
    }
}
