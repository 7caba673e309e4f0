package uk.mathshubs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The KeycloakRealmImport resources say what deploy/keycloak/maths-hubs-realm.json says. */
class RealmImportTest {

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("realm.regenerate")) {
            RealmImport.write();
        }
    }

    @Test
    void theBaseRealmImportIsTheRealmFileWithoutItsDemoParts() throws Exception {
        assertThat(Files.readString(RealmImport.BASE_IMPORT))
                .as("%s is out of date with %s: regenerate it (see its first lines)", RealmImport.BASE_IMPORT, RealmImport.REALM)
                .isEqualTo(RealmImport.baseImport());
    }

    @Test
    void theDevOverlayPutsTheDemoPartsBack() throws Exception {
        assertThat(Files.readString(RealmImport.DEV_PATCH))
                .as("%s is out of date with %s: regenerate it (see its first lines)", RealmImport.DEV_PATCH, RealmImport.REALM)
                .isEqualTo(RealmImport.devPatch());
    }

    @Test
    void noClientSecretIsWrittenIntoTheBase() throws Exception {
        String base = Files.readString(RealmImport.BASE_IMPORT);
        assertThat(base).doesNotContain("central-website-secret", "ncetm-integration-secret", "demo-password")
                .contains("${CLIENT_SECRET_HUB_WEBSITE_CENTRAL}", "${CLIENT_SECRET_HUB_CONSOLE}", "sslRequired: external", "accessTokenLifespan: 300",
                        "bruteForceProtected: true", "passwordPolicy: length(12) and notUsername")
                .doesNotContain("clientId: " + RealmImport.DEMO_CLIENT);
    }

    /** The dev overlay's patch adds what is only for demos and touches no other client (the console's host stays set). */
    @Test
    void theDevPatchLeavesTheBasesClientsAlone() throws Exception {
        String patch = Files.readString(RealmImport.DEV_PATCH);
        assertThat(patch).contains("path: /spec/realm/clients/", "clientId: " + RealmImport.DEMO_CLIENT, "path: /spec/realm/users")
                .doesNotContain("path: /spec/realm/clients\n", "clientId: " + RealmImport.CONSOLE_CLIENT, "clientId: hub-website-central");
    }
}
