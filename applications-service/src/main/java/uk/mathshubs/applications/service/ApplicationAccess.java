package uk.mathshubs.applications.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import uk.mathshubs.applications.domain.Application;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;

/**
 * Who may see or act on an application: its school (by reference and secret), its own hub, and the NCETM; its
 * school's trust lead may read it. Someone else learns nothing, not even that the reference exists.
 */
@ApplicationScoped
public class ApplicationAccess {

    private final Caller caller;
    private final Trusts trusts;

    public ApplicationAccess(Caller caller, Trusts trusts) {
        this.caller = caller;
        this.trusts = trusts;
    }

    /** For reading: the school, its hub, the lead of the trust it is in, or the NCETM; anyone else gets nothing. */
    public Optional<Application> visible(String reference, Optional<String> secret) {
        return byReference(reference).filter(a -> caller.actsFor(a.hubCode) || secret.map(s -> matches(s, a.secretHash)).orElse(false)
                || trusts.callerLeadsTrustOf(a.urn));
    }

    /**
     * For the school's own steps (withdrawing, answering an offer), which its hub may also take for it. Locked until
     * the transaction ends, so a withdrawal and a decision arriving together happen one after the other.
     */
    public Application forSchoolOrHub(String reference, Optional<String> secret) {
        return lockedByReference(reference)
                .filter(a -> caller.actsFor(a.hubCode) || secret.map(s -> matches(s, a.secretHash)).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("Application " + reference));
    }

    /**
     * For the hub's decisions: its own hub's applications only (programme admins: all). Another hub's is a 404, as
     * one that does not exist: a 403 told a hub admin that the reference was real. Locked like the above.
     */
    public Application forHub(String reference) {
        return lockedByReference(reference)
                .filter(a -> caller.actsFor(a.hubCode))
                .orElseThrow(() -> ProblemException.notFound("Application " + reference));
    }

    /** Whether the caller sees decisions before the confirmation date: the hub and the NCETM do; schools and hub websites do not. */
    public boolean seesDecisionsEarly() {
        return caller.isProgrammeAdmin() || caller.hasRole(Caller.HUB_ADMIN) || caller.hasRole(Caller.NCETM_INTEGRATION);
    }

    private static Optional<Application> byReference(String reference) {
        return Application.find("reference", reference).firstResultOptional();
    }

    private static Optional<Application> lockedByReference(String reference) {
        return Application.find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
