package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every accepted form of a front-matter date, read in the site's time zone (Tashkent, +05:00). */
class DatesTest {

    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2022-12-22T20:26:00+05:00   | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22T15:26:00Z        | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22 20:26 +05:00     | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22 18:26:30+03:00   | 2022-12-22T20:26:30+05:00[Asia/Tashkent]",
        "2022-12-22 20:26:00.250 +05:00 | 2022-12-22T20:26:00.250+05:00[Asia/Tashkent]",
        "2022-12-22T20:26:00         | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22 20:26            | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22 20:26:45         | 2022-12-22T20:26:45+05:00[Asia/Tashkent]",
        "22.12.2022 20:26            | 2022-12-22T20:26+05:00[Asia/Tashkent]",
        "2022-12-22                  | 2022-12-22T00:00+05:00[Asia/Tashkent]",
        "22.12.2022                  | 2022-12-22T00:00+05:00[Asia/Tashkent]",
    })
    void readsEveryAcceptedForm(String text, String expected) {
        assertThat(Dates.parse("  " + text + " ", TASHKENT)).isEqualTo(ZonedDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "someday", "22/12/2022 8pm", "2022-13-22", "2022-02-30 10:00", "31.04.2022",
        "2022-12-22 25:00", "2022-12-22 20:26 Tashkent", "2022-12-22T20:26:00+05:00 and more"})
    void rejectsTheRest(String text) {
        assertThat(Dates.parse(text, TASHKENT)).isNull();
    }
}
