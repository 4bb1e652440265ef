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
