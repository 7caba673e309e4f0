package uk.mathshubs.scheduling.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.mathshubs.scheduling.domain.SurveyQuestion;

/** The questions a hub adds to a programme's survey for one of its own Work Groups, after the programme's. */
@Schema(description = "A hub's own questions for one Work Group", example = """
        {"questions": [{"key": "hub_venue", "text": "Was Bishop Challoner a good venue for the local sessions?",
          "type": "CHOICE", "options": ["Yes", "No"]}]}""")
public record HubQuestionsRequest(@NotNull List<SurveyQuestion> questions) {
}
