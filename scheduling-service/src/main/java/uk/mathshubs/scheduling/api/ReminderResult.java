package uk.mathshubs.scheduling.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Reminders sent to those who have not answered", example = """
        {"reminded": 12, "remindedInTheLastWeek": 3, "answered": 30}""")
public record ReminderResult(
        @Schema(required = true, description = "Reminders sent now") int reminded,
        @Schema(required = true, description = "Not answered but mailed in the last seven days: nothing sent to them")
        int remindedInTheLastWeek,
        @Schema(required = true, description = "Answered already") int answered) {
}
