package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
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

    /**
     * The usual form is read without the formatters: it must give what they give, for dates that
     * exist and for those that do not (a 13th month, 30 February, hour 24, 29 February outside
     * leap years).
     */
    @Test
    void theUsualFormReadsAsTheFormattersReadIt() {
        java.util.Random random = new java.util.Random(20261129);
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d %02d:%02d", random.nextInt(3000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62));
            ZonedDateTime usual = Dates.usualForm(text, TASHKENT);
            assertThat(usual).as(text).isEqualTo(Dates.byFormatters(text, TASHKENT));
            read += usual == null ? 0 : 1;
        }
        assertThat(read).isGreaterThan(10_000);
        assertThat(Dates.usualForm("2024-02-29 10:00", TASHKENT)).isNotNull();
        assertThat(Dates.usualForm("2023-02-29 10:00", TASHKENT)).isNull();
        assertThat(Dates.usualForm("2022-12-22T20:26", TASHKENT)).isNull();
        assertThat(Dates.usualForm("2022-12-22 2O:26", TASHKENT)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "someday", "22/12/2022 8pm", "2022-13-22", "2022-02-30 10:00", "31.04.2022",
        "2022-12-22 25:00", "2022-12-22 20:26 Tashkent", "2022-12-22T20:26:00+05:00 and more"})
    void rejectsTheRest(String text) {
        assertThat(Dates.parse(text, TASHKENT)).isNull();
    }
}
