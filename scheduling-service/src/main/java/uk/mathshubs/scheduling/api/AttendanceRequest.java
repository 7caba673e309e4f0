package uk.mathshubs.scheduling.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import uk.mathshubs.scheduling.domain.Attendance;

/** Who came to a session, for some or all of its people; recording again corrects (the earlier answer is kept). */
public record AttendanceRequest(@NotEmpty @Size(max = 2000) List<@NotNull @Valid Entry> records) {

    public record Entry(@NotNull UUID participantId, @NotNull Attendance attendance) {
    }
}
