package uk.mathshubs.applications.service;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.mathshubs.applications.domain.school.ParticipationRecord;
import uk.mathshubs.contracts.AcademicYear;

/**
 * Which school took part in or completed which programme in which year: recorded when scheduling reports a school
 * completed a Work Group, and imported for the years before the platform. It follows a school across URN changes.
 */
@ApplicationScoped
@Transactional
public class ParticipationHistory {

    private final SchoolRegister register;
    private final Clock clock;

    public ParticipationHistory(SchoolRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    /** Everything the school did, under this URN or any of its predecessors and successors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ParticipationRecord> forSchool(String urn) {
        // SQL, not HQL: Hibernate translates a query with an IN list afresh each time, and every application asks this.
        return ParticipationRecord.getEntityManager().createNativeQuery("""
                        SELECT * FROM participation_record WHERE urn = ANY(:urns) ORDER BY academic_year, programme_code""",
                        ParticipationRecord.class)
                .setParameter("urns", register.lineage(urn).toArray(String[]::new))
                .getResultList();
    }

    /** Records a year of a programme; completing upgrades taking part, and nothing downgrades a completion. */
    public ParticipationRecord record(String urn, String programmeCode, AcademicYear year, ParticipationRecord.Outcome outcome,
            ParticipationRecord.Source source) {
        ParticipationRecord record = ParticipationRecord.<ParticipationRecord>find("urn = ?1 and programmeCode = ?2 and academicYear = ?3",
                urn, programmeCode, year.toString()).firstResultOptional().orElseGet(() -> {
                    ParticipationRecord created = new ParticipationRecord();
                    created.id = UUID.randomUUID();
                    created.urn = urn;
                    created.programmeCode = programmeCode;
                    created.academicYear = year.toString();
                    created.outcome = outcome;
                    return created;
                });
        if (outcome == ParticipationRecord.Outcome.COMPLETED) {
            record.outcome = outcome;
        }
        record.source = source;
        record.recordedAt = clock.instant();
        record.persist();
        return record;
    }

    /** Imports {@code URN,ProgrammeCode,AcademicYear,Outcome} rows (outcome TOOK_PART or COMPLETED); all or nothing. */
    public int importCsv(InputStream csv, Charset charset) {
        return SchoolRegister.parse(csv, charset, List.of("URN", "ProgrammeCode", "AcademicYear", "Outcome"), (line, row) -> {
            String urn = SchoolRegister.urn(row.get("URN"), line, "URN");
            String programme = SchoolRegister.text(row, "ProgrammeCode");
            if (!programme.matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw new SchoolRegister.InvalidCell("line " + line + ".ProgrammeCode", "must be a programme code like MN_RKS1");
            }
            AcademicYear year;
            try {
                year = AcademicYear.parse(SchoolRegister.text(row, "AcademicYear"));
            } catch (IllegalArgumentException e) {
                throw new SchoolRegister.InvalidCell("line " + line + ".AcademicYear", e.getMessage());
            }
            ParticipationRecord.Outcome outcome;
            try {
                outcome = ParticipationRecord.Outcome.valueOf(SchoolRegister.text(row, "Outcome").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new SchoolRegister.InvalidCell("line " + line + ".Outcome", "must be TOOK_PART or COMPLETED");
            }
            record(urn, programme, year, outcome, ParticipationRecord.Source.IMPORT);
        });
    }
}
