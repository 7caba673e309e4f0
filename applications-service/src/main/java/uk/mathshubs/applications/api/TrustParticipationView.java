package uk.mathshubs.applications.api;

import java.util.List;

/** What each of a trust's schools took part in and completed, year by year. */
public record TrustParticipationView(String code, String name, List<School> schools) {

    public record School(String urn, String name, List<ParticipationRecordView> participation) {
    }
}
