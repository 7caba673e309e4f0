package uk.mathshubs.kit.mail;

import java.util.regex.Pattern;

/**
 * The two columns of a service's {@code notification} table that are named after what the service mails about: the
 * person a mail goes to (what an erasure deletes by) and the record it is about. The rest of the table is the same in
 * every service that mails. A service that sends mail sets {@value #ENABLED}{@code =true} (read at build time) and
 * produces one of these, for example {@code new MailTable("participant_id", "session_id")}.
 */
public record MailTable(String personColumn, String aboutColumn) {

    /** The build-time switch for this package's beans: a service without a {@code notification} table leaves it off. */
    public static final String ENABLED = "kit.mail.enabled";

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");

    public MailTable {
        for (String column : new String[] {personColumn, aboutColumn}) {
            if (column == null || !COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("Not a column name: " + column);
            }
        }
    }
}
