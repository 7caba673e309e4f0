package uk.mathshubs.security;

import java.util.regex.Pattern;

/**
 * What must not leave a process in a trace or a log line, in one place: a path's secrets (a confirmation link's
 * token, a calendar feed's, a survey's or a certificate's token, an application's reference), its query (a school's or a person's name in a
 * search), and any e-mail address in free text (an SMTP server's refusal names the recipient).
 */
public final class Redaction {

    private static final Pattern CONFIRMATION = Pattern.compile("/confirmations/[^/?#]+");
    private static final Pattern CALENDAR = Pattern.compile("/calendars/[^/?#]+");
    private static final Pattern SURVEY = Pattern.compile("/survey-invitations/(?!\\{)[^/?#]+");
    private static final Pattern CERTIFICATE_FILE = Pattern.compile("/certificate-files/[^/?#]+");
    private static final Pattern APPLICATION = Pattern.compile("/applications/(?!\\{)[^/?#]+");
    private static final Pattern QUERY = Pattern.compile("\\?.*$");
    // Broad on purpose: any word with an @ in it (user@localhost, anné@école.fr), at the cost of an object's Foo@1b2c.
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private Redaction() {
    }

    /** A path (or a whole URL) with its secrets as placeholders and without its query. */
    public static String path(String path) {
        if (path == null) {
            return null;
        }
        String withoutQuery = QUERY.matcher(path).replaceFirst("");
        String kept = CONFIRMATION.matcher(withoutQuery).replaceAll("/confirmations/{token}");
        kept = CALENDAR.matcher(kept).replaceAll("/calendars/{token}.ics");
        kept = SURVEY.matcher(kept).replaceAll("/survey-invitations/{token}");
        kept = CERTIFICATE_FILE.matcher(kept).replaceAll("/certificate-files/{token}.pdf");
        return APPLICATION.matcher(kept).replaceAll("/applications/{reference}");
    }

    /** Free text (a message, a server's error) with every e-mail address replaced. */
    public static String text(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return EMAIL.matcher(text).replaceAll("(address)");
    }
}
