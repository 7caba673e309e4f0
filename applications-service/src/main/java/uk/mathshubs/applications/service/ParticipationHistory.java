package uk.mathshubs.applications.service;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import uk.mathshubs.applications.domain.eligibility.Participation;
import uk.mathshubs.applications.domain.school.ParticipationRecord;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.kit.ids.TimeOrderedIds;

/**
 * Which school took part in or completed which programme in which year: recorded when scheduling reports a school
 * completed a Work Group, and imported for the years before the platform. It follows a school across URN changes.
 */
@ApplicationScoped
@Transactional
public class ParticipationHistory {

    /**
     * The school's lineage (itself and, transitively, every predecessor and successor in links.csv; UNION stops at a
     * cycle) and what those schools did: the walk {@link SchoolRegister#lineage} makes a query per step, in one. Then
     * the places the school has accepted on this platform in other Work Groups, which it intends to take part in
     * (ACCEPTED as a literal, so that the plan uses the partial index of accepted applications by URN).
     */
    private static final String LINEAGE_HISTORY = """
            WITH RECURSIVE lineage(urn) AS (
                SELECT CAST(? AS text)
              UNION
                SELECT CASE WHEN l.urn = lineage.urn THEN l.link_urn ELSE l.urn END
                FROM school_link l JOIN lineage ON l.urn = lineage.urn OR l.link_urn = lineage.urn
                WHERE l.link_type LIKE 'Predecessor%' OR l.link_type LIKE 'Successor%'
            )
            SELECT 0 AS accepted_here, programme_code, academic_year, outcome = 'COMPLETED' FROM participation_record
            WHERE urn IN (SELECT urn FROM lineage)
            UNION ALL
            SELECT 1, g.programme_code, g.academic_year, false FROM application a JOIN work_group g ON g.id = a.work_group_id
            WHERE a.urn = ? AND a.status = 'ACCEPTED' AND a.work_group_id <> ?
            ORDER BY accepted_here, academic_year, programme_code""";

    private final SchoolRegister register;
    private final EntityManager entityManager;
    private final Clock clock;

    public ParticipationHistory(SchoolRegister register, EntityManager entityManager, Clock clock) {
        this.register = register;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * What the eligibility rules ask of every application: the school's part in each programme and year, under this URN
     * or any of its predecessors and successors, and the places it has accepted in Work Groups other than the one it
     * is applying to. One statement over JDBC: through Hibernate the same query cost an application more than its own
     * insert (a flush first, then a native query plan each time).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Participation> ofLineage(String urn, UUID applyingTo) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(LINEAGE_HISTORY)) {
                select.setString(1, urn);
                select.setString(2, urn);
                select.setObject(3, applyingTo);
                List<Participation> history = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        history.add(new Participation(row.getString(2), AcademicYear.parse(row.getString(3)), row.getBoolean(4)));
                    }
                }
                return history;
            }
        });
    }

    /** Everything the school did, under this URN or any of its predecessors and successors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ParticipationRecord> forSchool(String urn) {
        // SQL, not HQL: Hibernate translates a query with an IN list afresh each time, and every application asks this.
        return ParticipationRecord.getEntityManager().createNativeQuery("""
                        SELECT * FROM participation_record WHERE urn = ANY(:urns) ORDER BY academic_year, programme_code, id""",
                        ParticipationRecord.class)
                .setParameter("urns", register.lineage(urn).toArray(String[]::new))
                .getResultList();
    }

    /**
     * Records a year of a programme; completing upgrades taking part, and nothing here downgrades a completion (only
     * {@link #completionRevoked} does, for one an event brought).
     */
    public ParticipationRecord record(String urn, String programmeCode, AcademicYear year, ParticipationRecord.Outcome outcome,
            ParticipationRecord.Source source) {
        ParticipationRecord record = ParticipationRecord.<ParticipationRecord>find("urn = ?1 and programmeCode = ?2 and academicYear = ?3",
                urn, programmeCode, year.toString()).firstResultOptional().orElseGet(() -> {
                    ParticipationRecord created = new ParticipationRecord();
                    created.id = TimeOrderedIds.next();
                    created.urn = urn;
                    created.programmeCode = programmeCode;
                    created.academicYear = year.toString();
                    created.outcome = outcome;
                    return created;
                });
        boolean upgraded = outcome == ParticipationRecord.Outcome.COMPLETED && record.outcome != outcome;
        if (outcome == ParticipationRecord.Outcome.COMPLETED) {
            record.outcome = outcome;
        }
        // The source is what said the outcome held: an event repeating a completion the NCETM imported leaves it
        // the NCETM's (so that a completion corrected away later undoes only what an event did).
        if (record.source == null || upgraded || source == ParticipationRecord.Source.IMPORT) {
            record.source = source;
        }
        record.recordedAt = clock.instant();
        record.persist();
        return record;
    }

    /**
     * A completion this platform announced was corrected away: the school took part, no more. A completion the NCETM
     * imported stays as it was: the event undoes only what an event did.
     */
    public void completionRevoked(String urn, String programmeCode, AcademicYear year) {
        ParticipationRecord.<ParticipationRecord>find("urn = ?1 and programmeCode = ?2 and academicYear = ?3",
                urn, programmeCode, year.toString()).firstResultOptional()
                .filter(record -> record.source == ParticipationRecord.Source.EVENT)
                .ifPresent(record -> {
                    record.outcome = ParticipationRecord.Outcome.TOOK_PART;
                    record.recordedAt = clock.instant();
                });
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
