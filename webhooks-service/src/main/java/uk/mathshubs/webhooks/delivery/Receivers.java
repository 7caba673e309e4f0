package uk.mathshubs.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import uk.mathshubs.webhooks.config.WebhooksConfig;
import uk.mathshubs.webhooks.domain.ReceiverAddress;

/**
 * Posts a signed message to a receiver and says how it answered. Called on a virtual thread of its own: the call blocks
 * that thread only. Redirects are not followed (a receiver cannot send the platform on to an address it would refuse),
 * and the answer's body is not read.
 */
@ApplicationScoped
public class Receivers {

    public static final String USER_AGENT = "MathsHubs-Webhooks/1";

    /** How a receiver answered: its status code, or why there was none. */
    public record Answer(Integer statusCode, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** 410 Gone: the receiver says it wants no more; the subscription is switched off. */
        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }

        static Answer status(int code) {
            return new Answer(code, code >= 200 && code < 300 ? null : "answered " + code);
        }

        static Answer none(String why) {
            return new Answer(null, why);
        }
    }

    private final HttpClient client;
    private final WebhooksConfig config;

    public Receivers(WebhooksConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public Answer send(URI url, String messageId, String body, List<String> secrets) {
        if (!config.allowLocalReceivers() && !ReceiverAddress.resolvesToPublic(url)) {
            // Checked at every delivery, not only when subscribing: a name may be pointed somewhere else later.
            return Answer.none("its address does not resolve to a public one");
        }
        // The real time, not the platform's business clock (a sandbox's "now"): receivers check it against theirs.
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(secrets, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close(); // its body is not read: closing it lets go of a receiver that streams forever
            return Answer.status(response.statusCode());
        } catch (HttpConnectTimeoutException e) {
            return Answer.none("no connection within " + config.timeout().toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return Answer.none("no answer within " + config.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return Answer.none("connection refused");
        } catch (IOException e) {
            return Answer.none("connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted (the service was stopping)");
        }
    }

    @PreDestroy
    void close() {
        client.shutdownNow();
    }
}
