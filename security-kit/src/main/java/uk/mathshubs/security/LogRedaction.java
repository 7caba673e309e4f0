package uk.mathshubs.security;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The last guard on every log line (each process's console handler names it: {@code quarkus.log.console.filter=
 * redaction}): an e-mail address in a message, from our code or a library's (an SMTP refusal, a database's detail),
 * is replaced before the line is written. Messages are written without personal data in the first place; this
 * catches what a library adds.
 */
@LoggingFilter(name = "redaction")
public final class LogRedaction implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord line) {
            String message = line.getFormattedMessage();
            String redacted = Redaction.text(message);
            if (redacted != null && !redacted.equals(message)) {
                line.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                line.setParameters(null);
            }
        }
        return true;
    }
}
