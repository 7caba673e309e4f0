package uk.mathshubs.kit.reasons;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.kit.problem.ProblemException;

/**
 * The lists a service's reasons are coded from (a rejection's, a withdrawal's, a cancellation's), so that the NCETM can
 * count why schools leave and sessions do not happen; the free text people write goes beside the code. Each list is
 * data, in the service's own {@code reason_code} table (kind, code, label, position, retired), seeded by its migration:
 * a code is retired, never deleted, so that what was recorded with it still reads. A service names the kinds it keeps
 * in {@value #KINDS}.
 */
@ApplicationScoped
public class ReasonCodes {

    /** The property naming the kinds of reason this service keeps lists of, such as {@code rejection,withdrawal}. */
    public static final String KINDS = "kit.reason-codes.kinds";
    /** What a step records when the caller gives no code: every step that takes a reason then has a code to count. */
    public static final String NOT_GIVEN = "NOT_GIVEN";

    @Schema(name = "ReasonCode", description = "A code a reason is given as, and what it means")
    public record ReasonCode(@Schema(required = true, example = "STAFF_CHANGES") String code,
            @Schema(required = true, example = "Staff changes, such as a lead teacher leaving") String label) {
    }

    private final EntityManager entityManager;
    private final Set<String> kinds;

    public ReasonCodes(EntityManager entityManager, @ConfigProperty(name = KINDS) Optional<List<String>> kinds) {
        this.entityManager = entityManager;
        this.kinds = Set.copyOf(kinds.orElse(List.of()));
    }

    /** The codes in use for a kind, in the order they are offered; empty when this service keeps no such list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<ReasonCode>> list(String kind) {
        if (!kinds.contains(kind)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT code, label FROM reason_code WHERE kind = :kind AND NOT retired ORDER BY position, code""")
                .setParameter("kind", kind).getResultList();
        return Optional.of(rows.stream().map(row -> new ReasonCode((String) row[0], (String) row[1])).toList());
    }

    /**
     * The code a step records: the one given when it is in use for this kind, {@link #NOT_GIVEN} when none was given.
     * Any other (unknown, retired, blank) is the caller's mistake: a 400 naming {@code field}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String require(String kind, String field, String code) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException("This service keeps no " + kind + " reason codes (" + KINDS + ")");
        }
        if (code == null) {
            return NOT_GIVEN;
        }
        // COMMIT: a lookup that needs none of the caller's pending changes written first.
        boolean inUse = !entityManager.createNativeQuery("SELECT 1 FROM reason_code WHERE kind = :kind AND code = :code AND NOT retired")
                .setFlushMode(FlushModeType.COMMIT).setParameter("kind", kind).setParameter("code", code)
                .getResultList().isEmpty();
        if (!inUse) {
            throw ProblemException.invalidField(field, "is not a " + kind + " reason code in use; GET /api/v1/reason-codes/"
                    + kind + " lists them");
        }
        return code;
    }
}
