package uk.mathshubs.kit.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Public reads that hub websites poll: an {@code ETag} over the exact bytes sent, {@code 304 Not Modified}
 * when the caller already has them, and a short shared-cache lifetime. The body is serialised once.
 */
@ApplicationScoped
public class Conditional {

    /** What the document says of a 304 ({@code @APIResponse(responseCode = "304", description = NOT_MODIFIED)}). */
    public static final String NOT_MODIFIED = "Not modified: If-None-Match named the ETag of what the caller already has";

    private final ObjectMapper json;

    public Conditional(ObjectMapper json) {
        this.json = json;
    }

    public Response ok(Request request, Object body, Duration maxAge) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName(), e);
        }
        EntityTag tag = new EntityTag(digest(bytes));
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) maxAge.toSeconds());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(cache).build();
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
