package uk.mathshubs.scheduling.api;

import java.time.LocalDateTime;

import uk.mathshubs.contracts.ParticipantRole.Audience;
import uk.mathshubs.scheduling.domain.DeliveryMode;

/** What every session request carries, local or central. Times are UK wall-clock times (Europe/London). */
public interface SessionDetails {

    String title();

    Audience audience();

    DeliveryMode deliveryMode();

    LocalDateTime startsAt();

    LocalDateTime endsAt();

    String location();

    String joinLink();
}
