package uk.mathshubs.kit.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidWithTheTimeInItsFirst48Bits() {
        long millis = Instant.parse("2027-01-07T09:00:00.123Z").toEpochMilli();
        UUID id = TimeOrderedIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        // The RFC's layout, as text: the first 12 hex digits are the time.
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x", millis));
    }

    @Test
    void idsMadeLaterSortAfterAndNoTwoAreTheSame() {
        List<UUID> ids = new ArrayList<>();
        for (long millis = 1_800_000_000_000L; millis < 1_800_000_000_100L; millis++) {
            ids.add(TimeOrderedIds.at(millis));
            ids.add(TimeOrderedIds.at(millis));
        }
        // PostgreSQL orders uuid values by their bytes, as an unsigned comparison of the text does.
        List<String> asText = ids.stream().map(UUID::toString).toList();
        for (int i = 2; i < asText.size(); i++) {
            assertThat(asText.get(i)).isGreaterThan(asText.get(i - 2));
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }
}
