package uk.mathshubs.applications.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import uk.mathshubs.applications.domain.WorkGroup;
import uk.mathshubs.applications.domain.eligibility.Answer;
import uk.mathshubs.applications.domain.eligibility.Eligibility;
import uk.mathshubs.applications.domain.eligibility.Facts;
import uk.mathshubs.applications.domain.eligibility.RuleSet;
import uk.mathshubs.applications.domain.eligibility.RuleSetReader;
import uk.mathshubs.applications.domain.eligibility.SchoolDirectory;
import uk.mathshubs.applications.domain.eligibility.SchoolFacts;
import uk.mathshubs.applications.domain.eligibility.StoredRuleSet;
import uk.mathshubs.contracts.AcademicYear;
import uk.mathshubs.kit.problem.ProblemException;

/** Is this school eligible for this Work Group? The programme's rule set, over what the platform knows of the school. */
@ApplicationScoped
@Transactional
public class EligibilityService {

    private static final Logger LOG = Logger.getLogger(EligibilityService.class);
    /** The seed programmes' rule sets, shipped with the service; inserted when missing, never over an admin's edit. */
    static final List<String> REFERENCE_RULE_SETS = List.of("MN_RKS1", "MN_KS2", "TFM_DEV", "TFM_SUSTAINING");
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };

    private final SchoolDirectory schools;
    private final ObjectMapper json;
    private final Clock clock;
    private final EntityManager entityManager;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public EligibilityService(SchoolDirectory schools, ObjectMapper json, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.schools = schools;
        this.json = json;
        this.clock = clock;
    }

    void loadReferenceRuleSets(@Observes StartupEvent startup) {
        for (String code : REFERENCE_RULE_SETS) {
            if (StoredRuleSet.findById(code) == null) {
                store(code, referenceDocument(code), "reference data");
                LOG.infof("Loaded the reference eligibility rule set %s", code);
            }
        }
    }

    /**
     * The school's answer for a Work Group: which rule decided, why, and its priority if places run short. A URN the
     * register does not know is the caller's mistake, reported against {@code urnField}. The rules are the group's
     * rule set, as the caller has already read it.
     */
    public Eligibility check(WorkGroup group, RuleSet rules, String urn, String urnField, Map<String, Answer> declarations) {
        SchoolFacts school = schools.school(urn)
                .orElseThrow(() -> ProblemException.invalidField(urnField, "URN " + urn + " is not in the schools register"));
        return rules.evaluate(new Facts(school, schools.history(urn, group.id), declarations, AcademicYear.parse(group.academicYear)));
    }

    /**
     * The rule set as last saved. Read once and kept while its {@code updated_at} stays the same: checking that is one
     * indexed lookup, where reading and parsing the document on every application was most of an eligibility check.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSet ruleSet(String code) {
        return ruleSet(code, entityManager.createQuery("SELECT r.updatedAt FROM StoredRuleSet r WHERE r.code = :code", Instant.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null));
    }

    /** The rule set as saved at {@code savedAt}, which the caller read (the intake, with its Work Group); null: none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSet ruleSet(String code, Instant savedAt) {
        if (savedAt == null) {
            throw ProblemException.notFound("Eligibility rule set " + code);
        }
        Parsed cached = parsed.get(code);
        if (cached != null && cached.savedAt().equals(savedAt)) {
            return cached.ruleSet();
        }
        RuleSet ruleSet = RuleSetReader.read(code, document(code).orElseThrow(() -> ProblemException.notFound("Eligibility rule set " + code)));
        parsed.put(code, new Parsed(savedAt, ruleSet));
        return ruleSet;
    }

    private record Parsed(Instant savedAt, RuleSet ruleSet) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JsonNode> document(String code) {
        return StoredRuleSet.<StoredRuleSet>findByIdOptional(code).map(stored -> json.valueToTree(stored.document));
    }

    /** A new or changed rule set; checked in full before it replaces the old one. Takes effect for the next check. */
    public RuleSet save(String code, JsonNode document, String by) {
        RuleSet ruleSet = RuleSetReader.read(code, document);
        store(code, document, by);
        return ruleSet;
    }

    private void store(String code, JsonNode document, String by) {
        StoredRuleSet stored = StoredRuleSet.<StoredRuleSet>findByIdOptional(code).orElseGet(() -> {
            StoredRuleSet created = new StoredRuleSet();
            created.code = code;
            return created;
        });
        stored.document = json.convertValue(document, DOCUMENT);
        stored.updatedAt = clock.instant();
        stored.updatedBy = by;
        stored.persist();
    }

    private JsonNode referenceDocument(String code) {
        try (InputStream in = EligibilityService.class.getResourceAsStream("/eligibility/" + code + ".json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the reference rule set " + code + " ships with the service", e);
        }
    }
}
