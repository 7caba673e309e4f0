package uk.mathshubs.console.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import io.quarkus.qute.TemplateInstance;

/**
 * A page to the wire: its template rendered there and then, as UTF-8 bytes encoded by the JDK in one go.
 * <p>
 * A page's data is all in hand when its template is rendered (the API's answers have come), so rendering never waits.
 * Qute's REST integration renders asynchronously under a timeout instead, a Mutiny timer scheduled on the worker pool
 * and cancelled for every page (the pool's scheduler thread woken twice a page, on two cores); hence quarkus-qute and
 * this writer rather than quarkus-rest-qute. And the default writer hands the text to Netty, which encodes it a
 * character at a time: a tenth of the console's CPU for a long page (a page's en dash makes its text UTF-16).
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class HtmlWriter implements ServerMessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return isPage(type);
    }

    @Override
    public void writeResponse(Object page, Type genericType, ServerRequestContext context) {
        context.serverResponse().end(bytes(page));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isPage(type);
    }

    @Override
    public void writeTo(Object page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(bytes(page));
    }

    private static boolean isPage(Class<?> type) {
        return type == String.class || TemplateInstance.class.isAssignableFrom(type);
    }

    private static byte[] bytes(Object page) {
        String text = page instanceof TemplateInstance template ? template.render() : (String) page;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
