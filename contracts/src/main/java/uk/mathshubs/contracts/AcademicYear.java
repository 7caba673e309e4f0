package uk.mathshubs.contracts;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An English school year, written as schools write it: {@code 2024/25} runs from 1 September 2024 to 31 August 2025. */
public record AcademicYear(int startYear) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{2})");

    public AcademicYear {
        if (startYear < 2000 || startYear > 2099) {
            throw new IllegalArgumentException("an academic year must start between 2000 and 2099");
        }
    }

    /** Parses {@code 2024/25}; rejects {@code 2024/26}, {@code 24/25} and anything else. */
    public static AcademicYear parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("must look like 2024/25");
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != (start + 1) % 100) {
            throw new IllegalArgumentException("must be two consecutive years, like 2024/25");
        }
        return new AcademicYear(start);
    }

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public AcademicYear previous() {
        return new AcademicYear(startYear - 1);
    }

    @Override
    public String toString() {
        return "%d/%02d".formatted(startYear, (startYear + 1) % 100);
    }
}
