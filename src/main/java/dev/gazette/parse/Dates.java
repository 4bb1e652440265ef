package dev.gazette.parse;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;

/** Front-matter dates. A date without an offset is in the site time zone, never the machine's. */
final class Dates {

    static final String FORMATS = "2022-12-22T20:26:00+05:00, 2022-12-22 20:26 or 2022-12-22";

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            form("uuuu-MM-dd HH:mm[:ss][.SSS][ ]XXX"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            form("uuuu-MM-dd HH:mm[:ss]"),
            // The dd.MM.yyyy form newsrooms in the region print in datelines.
            form("dd.MM.uuuu HH:mm"));
    private static final List<DateTimeFormatter> DAY = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            form("dd.MM.uuuu"));

    private Dates() {
    }

    /** A form read strictly, as the ISO ones are: 30 February is an error, not 28 February. */
    private static DateTimeFormatter form(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Returns the time in {@code zone}, or null when the text matches no accepted form. */
    static ZonedDateTime parse(String text, ZoneId zone) {
        String s = text.strip();
        ZonedDateTime usual = usualForm(s, zone);
        return usual != null ? usual : byFormatters(s, zone);
    }

    /** {@link #parse} of stripped text by the formatters alone, trying each form in turn. */
    static ZonedDateTime byFormatters(String s, ZoneId zone) {
        for (DateTimeFormatter f : WITH_OFFSET) {
            OffsetDateTime time = parse(s, f, OffsetDateTime::from);
            if (time != null) {
                return time.atZoneSameInstant(zone);
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            LocalDateTime time = parse(s, f, LocalDateTime::from);
            if (time != null) {
                return time.atZone(zone);
            }
        }
        for (DateTimeFormatter f : DAY) {
            LocalDate day = parse(s, f, LocalDate::from);
            if (day != null) {
                return day.atStartOfDay(zone);
            }
        }
        return null;
    }

    /**
     * {@code 2022-12-22 20:26}, the form most front matter uses, read without the formatters: they
     * tried four other forms first, each a parse with its own objects (a fiftieth of what a cold
     * build allocated). Null for anything else, a date that does not exist included, which the
     * formatters then read (and reject) as before. The same values as the strict formatter's:
     * four ASCII digits of year, two of month, day, hour and minute, each in its range.
     */
    static ZonedDateTime usualForm(String s, ZoneId zone) {
        if (s.length() != 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute).atZone(zone);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written in ASCII digits from {@code from} to {@code to}, or -1. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The text in form {@code f}, or null. Forms the text cannot match are ruled out by a parse
     * that reports failure by its result: a thrown exception for each form tried before the
     * right one cost more than the parse itself.
     */
    private static <T> T parse(String text, DateTimeFormatter f, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        if (f.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
            return null;
        }
        try {
            return f.parse(text, query);
        } catch (DateTimeParseException e) {
            return null; // the right form, impossible values (a 13th month)
        }
    }
}
