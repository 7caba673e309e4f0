package uk.mathshubs.kit.tracing;

import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace's context as text (W3C {@code traceparent}), for work that outlives the request that started it: an
 * event waits in the outbox and a mail in the mail outbox with the context of the span that wrote it, and the
 * relay that sends it later continues that trace. Empty (null) when tracing is off.
 */
public final class TraceContexts {

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The current span's context as a traceparent, or null when there is none (tracing off, no trace). */
    public static String current() {
        return traceparent(Span.current().getSpanContext());
    }

    public static String traceparent(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The context a traceparent names, to start a child span in; the root context for null or a malformed one. */
    public static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent), MAP);
    }
}
