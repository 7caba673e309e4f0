package uk.mathshubs.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The lines one logger category writes while a test runs, each with the MDC it had when written (what the JSON
 * console handler prints as {@code mdc}): for tests of what ops reads in the logs.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    public List<ExtLogRecord> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord line) {
            line.copyMdc(); // as read at the time of writing, before the request's context is gone
            lines.add(line);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
