package uk.mathshubs.security;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The last guard on every log line (each process's console handler names it: {@code quarkus.log.console.filter=
 * redaction}): an e-mail address in a message or in the message of an exception logged with it, from our code or a
 * library's (an SMTP refusal, a database's detail), is replaced before the line is written. Messages are written
 * without personal data in the first place; this catches what a library adds.
 */
@LoggingFilter(name = "redaction")
public final class LogRedaction implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord line) {
            String message = line.getFormattedMessage();
            if (line.getParameters() != null || message != null && message.indexOf('@') >= 0) {
                // Formatted here, once: the handler's formatter then writes the redacted text as it is.
                line.setMessage(Redaction.text(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                line.setParameters(null);
            }
        }
        if (record.getThrown() != null && quotesAnAddress(record.getThrown())) {
            record.setThrown(Redacted.of(record.getThrown()));
        }
        return true;
    }

    private static boolean quotesAnAddress(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(Redaction.text(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** An exception as logged: the original's type and stack, its message (and its causes') redacted. */
    static final class Redacted extends RuntimeException {

        private final String type;

        private Redacted(Throwable original, Throwable cause) {
            super(Redaction.text(original.getMessage()), cause, false, true);
            this.type = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original) {
            Throwable cause = original.getCause() == null || original.getCause() == original ? null : of(original.getCause());
            return new Redacted(original, cause);
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
