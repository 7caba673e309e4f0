package uk.mathshubs.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TermTest {

    private static final Map<String, Term> TERMS = new TreeMap<>(Map.of(
            "2024-09-01", Term.AUTUMN,
            "2024-09-12", Term.AUTUMN,
            "2024-12-31", Term.AUTUMN,
            "2025-01-01", Term.SPRING,
            "2025-03-17", Term.SPRING,
            "2025-03-31", Term.SPRING,
            "2025-04-01", Term.SUMMER,
            "2025-05-19", Term.SUMMER,
            "2025-08-31", Term.SUMMER));

    // Dynamic tests, not @ParameterizedTest: Kafka's test kit registers a JUnit extension that claims every test template.
    @TestFactory
    Stream<DynamicTest> aSessionIsInTheTermItStartsIn() {
        return TERMS.entrySet().stream().map(c -> dynamicTest(c.getKey() + " is in the " + c.getValue() + " term",
                () -> assertThat(Term.of(LocalDate.parse(c.getKey()))).isEqualTo(c.getValue())));
    }
}
