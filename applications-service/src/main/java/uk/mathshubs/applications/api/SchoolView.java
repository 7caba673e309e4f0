package uk.mathshubs.applications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school from the register, with what the eligibility rules derive from it. Public data only. */
public record SchoolView(
        @Schema(example = "137001") String urn,
        @Schema(example = "Elston Hall Primary School") String name,
        @Schema(example = "Academy converter") String establishmentType,
        @Schema(example = "Open") String status,
        @Schema(example = "PRIMARY") String phase,
        Integer statutoryLowAge,
        Integer statutoryHighAge,
        String localAuthority,
        String address,
        boolean open,
        boolean inEngland,
        boolean stateFunded,
        boolean juniorSchool,
        boolean infantSchool,
        List<Link> links,
        @Schema(description = "The multi-academy trust the school is in; null for none") Trust trust) {

    /** A predecessor or successor (a school's URN changes when, say, it becomes an academy). */
    public record Link(String urn, String type) {
    }

    /** A multi-academy trust, by its GIAS reference. */
    public record Trust(@Schema(example = "5712") String code, @Schema(example = "Elston Hall Learning Trust") String name) {
    }
}
