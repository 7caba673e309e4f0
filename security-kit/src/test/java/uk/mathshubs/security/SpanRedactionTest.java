package uk.mathshubs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanRedactionTest {

    @Test
    void aPathKeepsItsShapeAndLosesItsSecretsAndQuery() {
        assertThat(SpanRedaction.redacted("/api/v1/confirmations/q8Zr1-kP")).isEqualTo("/api/v1/confirmations/{token}");
        assertThat(SpanRedaction.redacted("/api/v1/calendars/3fB9x.ics")).isEqualTo("/api/v1/calendars/{token}.ics");
        assertThat(SpanRedaction.redacted("/api/v1/applications/MH-AB12-CD34/offer/acceptance"))
                .isEqualTo("/api/v1/applications/{reference}/offer/acceptance");
        assertThat(SpanRedaction.redacted("http://127.0.0.1:8082/api/v1/schools?name=Oak%20Primary"))
                .isEqualTo("http://127.0.0.1:8082/api/v1/schools");
        assertThat(SpanRedaction.redacted("/api/v1/work-groups/6f0c7a52-94e4-4c7e-9d8a-1f0f3c1c2d3e/applications"))
                .isEqualTo("/api/v1/work-groups/6f0c7a52-94e4-4c7e-9d8a-1f0f3c1c2d3e/applications");
    }
}
