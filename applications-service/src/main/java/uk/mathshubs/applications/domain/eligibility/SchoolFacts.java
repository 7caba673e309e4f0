package uk.mathshubs.applications.domain.eligibility;

/**
 * What the schools register says about a school, as the eligibility rules read it.
 *
 * @param establishmentType the register's words for the kind of school ("Academy converter", "Other independent school")
 * @param phase             {@code NURSERY}, {@code PRIMARY}, {@code MIDDLE_DEEMED_PRIMARY}, {@code SECONDARY},
 *                          {@code MIDDLE_DEEMED_SECONDARY}, {@code SIXTEEN_PLUS}, {@code ALL_THROUGH} or {@code NOT_APPLICABLE}
 */
public record SchoolFacts(String urn, String name, String establishmentType, boolean open, boolean inEngland,
        boolean stateFunded, String phase, boolean juniorSchool) {
}
