package uk.mathshubs.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemTest {

    private final Problem problem = new Problem("https://api.mathshubs.uk/problems/invalid-request", "Invalid request", 400,
            "records[1].attendance: must not be null", "/api/v1/sessions/s/attendance",
            List.of(new Problem.FieldError("records[1].attendance", "must not be null"),
                    new Problem.FieldError("reason", "must not be blank")));

    @Test
    void eachFieldsMessageIsFoundByTheFieldAndItsNestedOnes() {
        assertThat(problem.messageFor("reason")).contains("must not be blank");
        assertThat(problem.messageFor("records")).contains("must not be null");
        assertThat(problem.messageFor("reasonable")).isEmpty();
        assertThat(problem.summary()).hasSize(2);
    }

    @Test
    void aProblemWithoutFieldsIsSummedUpByItsDetail() {
        Problem conflict = new Problem("about:blank", "Illegal status change", 409, "A Work Group that is OPEN cannot become RUNNING",
                null, null);
        assertThat(conflict.errors()).isEmpty();
        assertThat(conflict.summary()).extracting(Problem.FieldError::message)
                .containsExactly("A Work Group that is OPEN cannot become RUNNING");
    }
}
