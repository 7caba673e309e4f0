package uk.mathshubs.scheduling.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** The random parts of private links (calendars, certificates, surveys) and of certificate codes. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
    private static final char[] CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Secrets() {
    }

    /** 240 random bits, URL-safe: a link that is the only key to what it shows. */
    public static String newLinkToken() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** MH-7K3Q-9XW2-PD4M: 60 random bits, printed on a certificate and typed in to check it. */
    public static String newCertificateCode() {
        StringBuilder code = new StringBuilder("MH");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
