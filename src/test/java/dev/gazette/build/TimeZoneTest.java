package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Path;
import java.util.TimeZone;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates are placed in the site's time zone ({@code Asia/Tashkent}, UTC+5), never the machine's:
 * the build runs with the JVM default zone set far away to prove it.
 */
class TimeZoneTest {

    @TempDir
    static Path dir;
    static FixtureSite site;
    static TimeZone machineZone;

    @BeforeAll
    static void build() {
        machineZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Zone Courier
                timezone: Asia/Tashkent
                -- content/late-utc.md --
                ---
                title: Signed late in the UTC evening
                date: 2022-12-22T23:30:00Z
                category: Politics
                ---
                Already the next morning in Tashkent.
                -- content/local.md --
                ---
                title: Local evening signing
                date: 2022-12-22 20:26
                category: Politics
                ---
                Written in site time.
                -- content/day-only.md --
                ---
                title: A date without a time
                date: 2022-12-21
                category: Society
                ---
                Midnight in Tashkent.
                -- content/new-year.md --
                ---
                title: New Year fireworks
                date: 2022-12-31T20:00:00Z
                category: Society
                ---
                One in the morning of 1 January in Tashkent.
                """).buildOk();
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(machineZone);
    }

    @Test
    void utcEveningIsTheNextDayInTheSiteZone() {
        Document page = site.page("/2022/12/23/late-utc/");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2022-12-23T04:30:00+05:00");
        assertThat(page.select("article time").text()).isEqualTo("23 December 2022, 04:30");
        assertThat(site.exists("/2022/12/22/late-utc/")).isFalse();
    }

    @Test
    void dayArchiveOfTheSiteDateListsTheArticle() {
        assertThat(site.page("/2022/12/23/").select(".article-list h2 a").eachText())
                .containsExactly("Signed late in the UTC evening");
        assertThat(site.page("/2022/12/22/").select(".article-list h2 a").eachText())
                .containsExactly("Local evening signing");
        assertThat(site.page("/").select("a[href=/2022/12/23/late-utc/]")).isNotEmpty();
    }

    @Test
    void dateWithoutOffsetIsTakenInTheSiteZone() {
        Document page = site.page("/2022/12/22/local/");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2022-12-22T20:26:00+05:00");
        assertThat(page.select("article time").text()).isEqualTo("22 December 2022, 20:26");
    }

    @Test
    void dateOnlyValueIsMidnightInTheSiteZone() {
        Document page = site.page("/2022/12/21/day-only/");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2022-12-21T00:00:00+05:00");
        assertThat(site.page("/2022/12/21/").select(".article-list h2 a").eachText())
                .containsExactly("A date without a time");
    }

    @Test
    void utcNewYearsEveBelongsToTheNextYearInTheSiteZone() {
        Document page = site.page("/2023/01/01/new-year/");
        assertThat(page.select("article time").attr("datetime")).isEqualTo("2023-01-01T01:00:00+05:00");
        assertThat(site.page("/2023/").select(".article-list h2 a").eachText()).containsExactly("New Year fireworks");
        assertThat(site.page("/2022/").select(".article-list h2 a").eachText())
                .doesNotContain("New Year fireworks");
        assertThat(site.exists("/2022/12/31/")).isFalse();
    }

    @Test
    void listsOrderByInstantAcrossOffsets() {
        assertThat(site.page("/").select(".article-list h2 a").eachText()).containsExactly(
                "New Year fireworks", "Signed late in the UTC evening", "Local evening signing",
                "A date without a time");
    }
}
