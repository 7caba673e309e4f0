package uk.mathshubs.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** An OIDC server and three stub services for every {@code @QuarkusTest} in this module. */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StubServices.class)
public final class TestResources {

    private TestResources() {
    }
}
