package uk.mathshubs.scheduling.domain;

import java.time.LocalDate;

/** The school term a session falls in, by the date it starts in UK local time. */
public enum Term {
    AUTUMN, SPRING, SUMMER;

    /** Seed 000: "Local sessions: three, one each in the autumn, spring and summer terms" (Sep–Dec, Jan–Mar, Apr–Aug). */
    public static Term of(LocalDate date) {
        return switch (date.getMonth()) {
            case SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER -> AUTUMN;
            case JANUARY, FEBRUARY, MARCH -> SPRING;
            case APRIL, MAY, JUNE, JULY, AUGUST -> SUMMER;
        };
    }
}
