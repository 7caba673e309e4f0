package uk.mathshubs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aPathKeepsItsShapeAndLosesItsSecretsAndQuery() {
        assertThat(Redaction.path("/api/v1/confirmations/q8Zr1-kP")).isEqualTo("/api/v1/confirmations/{token}");
        assertThat(Redaction.path("/api/v1/calendars/3fB9x.ics")).isEqualTo("/api/v1/calendars/{token}.ics");
        assertThat(Redaction.path("/api/v1/survey-invitations/k9Zq_x-1/response")).isEqualTo("/api/v1/survey-invitations/{token}/response");
        assertThat(Redaction.path("/api/v1/survey-invitations/k9Zq_x-1")).isEqualTo("/api/v1/survey-invitations/{token}");
        assertThat(Redaction.path("/api/v1/certificate-files/k9Zq_x-1.pdf")).isEqualTo("/api/v1/certificate-files/{token}.pdf");
        assertThat(Redaction.path("/api/v1/applications/MH-AB12-CD34/offer/acceptance"))
                .isEqualTo("/api/v1/applications/{reference}/offer/acceptance");
        assertThat(Redaction.path("http://127.0.0.1:8082/api/v1/schools?name=Oak%20Primary"))
                .isEqualTo("http://127.0.0.1:8082/api/v1/schools");
        assertThat(Redaction.path("/api/v1/work-groups/6f0c7a52-94e4-4c7e-9d8a-1f0f3c1c2d3e/applications"))
                .isEqualTo("/api/v1/work-groups/6f0c7a52-94e4-4c7e-9d8a-1f0f3c1c2d3e/applications");
    }

    @Test
    void anEmailAddressInFreeTextIsReplaced() {
        assertThat(Redaction.text("550 5.1.1 <ann.o.brien+mh@school.example.org>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <(address)>: Recipient address rejected");
        assertThat(Redaction.text("no such user anné@école.fr or root@localhost")).isEqualTo("no such user (address) or (address)");
        assertThat(Redaction.text("Gave up on offer mail 42 after 8 attempts")).isEqualTo("Gave up on offer mail 42 after 8 attempts");
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void everyLogLineIsRedactedBeforeItIsWritten() {
        org.jboss.logmanager.ExtLogRecord line = new org.jboss.logmanager.ExtLogRecord(java.util.logging.Level.WARNING,
                "Could not send %s mail: %s", org.jboss.logmanager.ExtLogRecord.FormatStyle.PRINTF, "test");
        line.setParameters(new Object[] {"offer", "550 <head@school.example>: no such user"});
        assertThat(new LogRedaction().isLoggable(line)).isTrue();
        assertThat(line.getFormattedMessage()).isEqualTo("Could not send offer mail: 550 <(address)>: no such user");
    }

    @Test
    void anAddressInALoggedExceptionOrItsCauseIsReplacedAndItsTypeAndStackKept() {
        org.jboss.logmanager.ExtLogRecord line = new org.jboss.logmanager.ExtLogRecord(java.util.logging.Level.SEVERE,
                "Unexpected failure", org.jboss.logmanager.ExtLogRecord.FormatStyle.NO_FORMAT, "test");
        IllegalStateException cause = new IllegalStateException("Key (email)=(rita@school.example) already exists");
        RuntimeException thrown = new RuntimeException("could not insert", cause);
        line.setThrown(thrown);

        assertThat(new LogRedaction().isLoggable(line)).isTrue();
        assertThat(line.getThrown()).hasToString("java.lang.RuntimeException: could not insert");
        assertThat(line.getThrown().getStackTrace()).isEqualTo(thrown.getStackTrace());
        assertThat(line.getThrown().getCause()).hasToString("java.lang.IllegalStateException: Key (email)=((address)) already exists");
    }
}
