package uk.mathshubs.kit.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Row ids as version 7 UUIDs (RFC 9562, section 5.7): the creation time in milliseconds first, then 74 random bits.
 * A random (version 4) id lands on a random page of its primary key index, and of every index that holds it as a
 * foreign key (an application's people, confirmations, mails, decisions): on tables larger than PostgreSQL's buffers
 * each insert then read a page from the operating system and, after each checkpoint, wrote a whole page to the WAL.
 * Ids made one after another fall on the same last pages instead. They stay unguessable (74 random bits) and reveal
 * only when the row was made, which every row that has one also says in a column of its own.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(Clock.systemUTC().millis());
    }

    static UUID at(long unixMillis) {
        long random = RANDOM.nextLong();
        long high = (unixMillis << 16) | 0x7000L | (random >>> 52); // 48 bits of time, version 7, 12 random bits
        long low = (RANDOM.nextLong() >>> 2) | 0x8000_0000_0000_0000L;  // variant 10, 62 random bits
        return new UUID(high, low);
    }
}
