package uk.mathshubs.security;

import java.util.List;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps credentials and personal data out of traces, in every process (Quarkus adds each SpanProcessor bean to the
 * SDK): the HTTP instrumentation records a request's raw path, query, caller address and user agent. Paths are
 * recorded with their secrets as placeholders (a confirmation link's token, a calendar feed's token, an
 * application's reference: {@link Redaction}); the query, the caller's address and user agent are not recorded.
 */
@Singleton
public class SpanRedaction implements SpanProcessor {

    static final String NOT_RECORDED = "(not recorded)";
    private static final List<AttributeKey<String>> PATHS = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("url.full"), AttributeKey.stringKey("http.url"));
    private static final List<AttributeKey<String>> DROPPED = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("client.address"), AttributeKey.stringKey("http.client_ip"),
            AttributeKey.stringKey("user_agent.original"), AttributeKey.stringKey("http.user_agent"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : PATHS) {
            String value = span.getAttribute(key);
            if (value != null) {
                span.setAttribute(key, Redaction.path(value));
            }
        }
        for (AttributeKey<String> key : DROPPED) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, NOT_RECORDED);
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
