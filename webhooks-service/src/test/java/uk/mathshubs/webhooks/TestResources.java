package uk.mathshubs.webhooks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.mathshubs.testsupport.KafkaResource;
import uk.mathshubs.testsupport.PostgresResource;

/** Real PostgreSQL, a real Kafka broker and an OIDC server for every {@code @QuarkusTest} in this module. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
