package uk.mathshubs.applications.domain.eligibility;

import uk.mathshubs.contracts.AcademicYear;

/** A school's part in a programme in one year: from completed Work Groups, imported history, or a place accepted now. */
public record Participation(String programmeCode, AcademicYear year, boolean completed) {
}
