package uk.mathshubs.kit.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonCodesPathFilterTest {

    @ParameterizedTest
    @CsvSource({"rejection, rejection", "offer-decline, offerDecline", "session-cancellation, sessionCancellation"})
    void eachKindsOperationIsNamedAfterIt(String kind, String id) {
        assertThat(ReasonCodesPathFilter.camelCase(kind)).isEqualTo(id);
    }
}
