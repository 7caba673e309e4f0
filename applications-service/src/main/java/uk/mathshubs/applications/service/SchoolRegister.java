package uk.mathshubs.applications.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.quarkus.panache.common.Sort;
import uk.mathshubs.applications.domain.school.School;
import uk.mathshubs.applications.domain.school.SchoolLink;
import uk.mathshubs.contracts.EventType;
import uk.mathshubs.contracts.applications.SchoolSuccessorRecorded;
import uk.mathshubs.kit.outbox.Outbox;
import uk.mathshubs.kit.paging.Page;
import uk.mathshubs.kit.paging.PageRequest;
import uk.mathshubs.kit.problem.Problem;
import uk.mathshubs.kit.problem.ProblemException;

/**
 * The schools register: imported from GIAS ("edubasealldata" and links.csv, ISO-8859-1), looked up by URN and by
 * name. Importing the same file again changes nothing; a newer file updates the schools it lists.
 */
@ApplicationScoped
@Transactional
public class SchoolRegister {

    static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private final Clock clock;
    private final Outbox outbox;

    public SchoolRegister(Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<School> byUrn(String urn) {
        return School.findByIdOptional(urn);
    }

    /** Autocomplete: schools whose name contains the text, accents and case aside; open schools first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<School> search(String name, PageRequest paging) {
        String folded = "%" + School.fold(name).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Page.fromOffset(School.<School>find(
                "searchName like ?1 order by case when statusCode in (1, 4) then 0 else 1 end, name, urn", folded)
                .range(paging.offset(), paging.offset() + paging.size()).list(), paging);
    }

    /** The URN and every predecessor and successor, however long the chain: one school's identities over time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> lineage(String urn) {
        Set<String> seen = new LinkedHashSet<>(List.of(urn));
        Deque<String> next = new ArrayDeque<>(seen);
        while (!next.isEmpty()) {
            String current = next.pop();
            List<SchoolLink> links = SchoolLink.list("(urn = ?1 or linkUrn = ?1) and (linkType like 'Predecessor%' or linkType like 'Successor%')",
                    current);
            for (SchoolLink link : links) {
                for (String other : List.of(link.urn, link.linkUrn)) {
                    if (seen.add(other)) {
                        next.push(other);
                    }
                }
            }
        }
        return seen;
    }

    /** Predecessors and successors of one URN, as listed in links.csv. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SchoolLink> links(String urn) {
        return SchoolLink.list("urn", Sort.by("linkUrn"), urn);
    }

    /** Imports a GIAS establishment extract; returns how many schools it listed. */
    public int importSchools(InputStream csv, Charset charset) {
        Instant now = clock.instant();
        return parse(csv, charset, List.of("URN", "EstablishmentName"), (line, row) -> {
            String urn = urn(row.get("URN"), line, "URN");
            School school = School.<School>findByIdOptional(urn).orElseGet(() -> {
                School created = new School();
                created.urn = urn;
                return created;
            });
            school.name = required(row, "EstablishmentName", line);
            school.searchName = School.fold(school.name);
            school.typeCode = number(row, "TypeOfEstablishment (code)", line);
            school.typeName = text(row, "TypeOfEstablishment (name)");
            school.statusCode = number(row, "EstablishmentStatus (code)", line);
            school.statusName = text(row, "EstablishmentStatus (name)");
            school.phaseCode = number(row, "PhaseOfEducation (code)", line);
            school.statutoryLowAge = number(row, "StatutoryLowAge", line);
            school.statutoryHighAge = number(row, "StatutoryHighAge", line);
            school.localAuthority = text(row, "LA (name)");
            school.districtCode = text(row, "DistrictAdministrative (code)");
            school.street = text(row, "Street");
            school.locality = text(row, "Locality");
            school.town = text(row, "Town");
            school.postcode = text(row, "Postcode");
            if (row.isMapped("Trusts (code)") && school.trustSetBy == null) { // a programme admin's word stands
                String trust = text(row, "Trusts (code)");
                school.trustCode = trust.isEmpty() ? null : trust;
                school.trustName = trust.isEmpty() ? null : text(row, "Trusts (name)");
            }
            school.updatedAt = now;
            school.persist();
        });
    }

    /** Imports GIAS links.csv; returns how many links it listed. */
    public int importLinks(InputStream csv, Charset charset) {
        return parse(csv, charset, List.of("URN", "LinkURN", "LinkType"), (line, row) -> {
            SchoolLink.Key key = new SchoolLink.Key(urn(row.get("URN"), line, "URN"), urn(row.get("LinkURN"), line, "LinkURN"));
            SchoolLink link = SchoolLink.<SchoolLink>findByIdOptional(key).orElseGet(() -> {
                SchoolLink created = new SchoolLink();
                created.urn = key.urn();
                created.linkUrn = key.linkUrn();
                return created;
            });
            String type = required(row, "LinkType", line);
            boolean changed = !type.equals(link.linkType);
            link.linkType = type;
            link.persist();
            if (changed) {
                link.succession().ifPresent(moved -> outbox.record(EventType.SCHOOL_SUCCESSOR_RECORDED, moved.urn(),
                        new SchoolSuccessorRecorded(moved.urn(), moved.successorUrn(), type, clock.instant())));
            }
        });
    }

    /** Parses every row first and stores nothing unless all are good, naming each bad line and column. */
    static int parse(InputStream csv, Charset charset, List<String> requiredColumns, RowHandler handler) {
        try (Reader reader = new InputStreamReader(csv, charset); CSVParser parser = WITH_HEADER.parse(reader)) {
            List<String> missing = requiredColumns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new ProblemException(400, "invalid-csv", "Invalid CSV", "The header lacks " + String.join(", ", missing),
                        missing.stream().map(c -> new Problem.FieldError(c, "column is missing from the header")).toList());
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            int rows = 0;
            for (CSVRecord row : parser) {
                rows++;
                try {
                    handler.handle(row.getRecordNumber() + 1, row);
                } catch (InvalidCell e) {
                    errors.add(new Problem.FieldError(e.field, e.getMessage()));
                }
                if (errors.size() >= 20) {
                    break;
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "invalid-csv", "Invalid CSV", errors.size() + " bad value(s); nothing was imported", errors);
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ProblemException(400, "invalid-csv", "Invalid CSV", "The file could not be read as CSV: " + e.getMessage(), List.of());
        }
    }

    static String urn(String value, long line, String column) {
        if (value == null || !value.strip().matches("\\d{6,7}")) {
            throw new InvalidCell("line " + line + "." + column, "must be a URN (digits), not \"" + value + "\"");
        }
        return value.strip();
    }

    private static String required(CSVRecord row, String column, long line) {
        String value = text(row, column);
        if (value.isEmpty()) {
            throw new InvalidCell("line " + line + "." + column, "is required");
        }
        return value;
    }

    private static Integer number(CSVRecord row, String column, long line) {
        String value = text(row, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidCell("line " + line + "." + column, "must be a whole number, not \"" + value + "\"");
        }
    }

    static String text(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(long line, CSVRecord row);
    }

    /** One bad cell, named "line N.Column" so the NCETM can find it in the file. */
    static final class InvalidCell extends RuntimeException {
        final String field;

        InvalidCell(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
