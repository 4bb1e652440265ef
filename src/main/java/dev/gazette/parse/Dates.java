package dev.gazette.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Front-matter dates. A date without an offset is in the site time zone, never the machine's. */
final class Dates {

    static final String FORMATS = "2022-12-22T20:26:00+05:00, 2022-12-22 20:26 or 2022-12-22";

    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS][ ]XXX", Locale.ROOT));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT),
            // The dd.MM.yyyy form newsrooms in the region print in datelines.
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT));
    private static final List<DateTimeFormatter> DAY = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.ROOT));

    private Dates() {
    }

    /** Returns the time in {@code zone}, or null when the text matches no accepted form. */
    static ZonedDateTime parse(String text, ZoneId zone) {
        String s = text.strip();
        for (DateTimeFormatter f : WITH_OFFSET) {
            try {
                return OffsetDateTime.parse(s, f).atZoneSameInstant(zone);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : LOCAL) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DAY) {
            try {
                return LocalDate.parse(s, f).atStartOfDay(zone);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }
}
