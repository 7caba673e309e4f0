package uk.mathshubs.scheduling.api;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The answers, by question key: a number for a scale, an option's text for a choice, text for free text. */
@Schema(description = "Answers to a survey", example = """
        {"answers": {"confidence": 4, "sessions_useful": "Live sessions", "comments": "The materials were excellent."}}""")
public record SurveyResponseRequest(
        @NotNull @Schema(implementation = Answers.class, required = true) Map<String, JsonNode> answers) {

    /** The answers' shape in the OpenAPI document: an object whose values are numbers or text. */
    @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            description = "Each answer by its question's key (a question not answered is left out): a whole number for a "
                    + "SCALE question, one of the options for a CHOICE, text for a TEXT")
    interface Answers {
    }
}
