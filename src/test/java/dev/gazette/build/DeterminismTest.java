package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sources always give the same bytes, and an unchanged rebuild touches nothing. */
class DeterminismTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "Built (\\d+) articles into (\\d+) files in .+ \\((\\d+) written, (\\d+) unchanged, (\\d+) removed\\)\\.");

    private static final String[] CATEGORIES = {"Politics", "Economy", "Society", "Sport"};
    private static final String[] TAGS = {"Uzbekistan", "Kazakhstan", "trade", "energy", "Tashkent"};

    @TempDir
    Path dir;

    /**
     * Twelve articles over four categories, five tags and several days, some sharing a day or
     * even a minute, with headings, footnotes, a table, an image and links between articles.
     */
    private FixtureSite site() {
        StringBuilder spec = new StringBuilder("""
                -- gazette.yaml --
                title: Steady Courier
                timezone: Asia/Tashkent
                pageSize: 3
                -- content/img/map.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>
                -- content/kyrgyz.md --
                ---
                title: Ташкент и Алматы договорились
                date: 2023-01-05 08:00
                category: Politics
                tags: [Uzbekistan, Kazakhstan]
                image: img/map.svg
                ---
                Текст со ссылкой на [первую новость](a01.md) и сноской.[^1]

                ## Подробности

                | Год | Оборот |
                |-----|--------|
                | 2022 | 4,6 |

                [^1]: Источник.
                """);
        for (int i = 1; i <= 11; i++) {
            String tags = TAGS[i % TAGS.length] + ", " + TAGS[(i * 2) % TAGS.length];
            spec.append("""
                    -- content/a%02d.md --
                    ---
                    title: Story number %d
                    date: 2022-12-%02d %02d:%02d
                    category: %s
                    tags: [%s]
                    author: Reporter %d
                    ---
                    Paragraph of story %d.

                    ## Details

                    More about story %d, see [the first one](a01.md).
                    """.formatted(i, i, 10 + i / 3, 9 + i % 3, i % 2 == 0 ? 0 : 30, CATEGORIES[i % CATEGORIES.length],
                    tags, i % 3, i, i));
        }
        return FixtureSite.write(dir.resolve("src"), spec.toString());
    }

    @Test
    void twoBuildsIntoDifferentFoldersAreByteIdentical() {
        FixtureSite site = site();
        Path first = dir.resolve("out-a");
        Path second = dir.resolve("out-b");
        FixtureSite.Run run = site.build("--output", first.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Built 12 articles");
        site.buildOk("--output", second.toString());
        assertSameTree(FixtureSite.tree(first), FixtureSite.tree(second));
    }

    @Test
    void aBuildInAnotherJvmIsByteIdentical() throws Exception {
        // Another process has other hash seeds, so any output that follows hash order shows up here.
        FixtureSite site = site().buildOk("--now", "2022-12-23T12:00:00+05:00");
        Path other = dir.resolve("other-jvm");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gazette.cli.Main", "build",
                "--source", site.root().toString(), "--output", other.toString(), "--quiet",
                "--now", "2022-12-23T12:00:00+05:00")
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(printed).isZero();
        assertSameTree(FixtureSite.tree(site.output()), FixtureSite.tree(other));
    }

    @Test
    void outputDoesNotDependOnTheMachinesLocaleOrTimeZone() {
        FixtureSite site = site();
        Path first = dir.resolve("out-a");
        Path second = dir.resolve("out-b");
        site.buildOk("--output", first.toString());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru-RU"));
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            site.buildOk("--output", second.toString());
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertSameTree(FixtureSite.tree(first), FixtureSite.tree(second));
    }

    @Test
    void rebuildingUnchangedSourcesWritesNothingAndKeepsModificationTimes() throws Exception {
        FixtureSite site = site();
        site.buildOk();
        Map<String, byte[]> before = FixtureSite.tree(site.output());
        // Age every file so that a rewrite would show, however fast the machine is.
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        try (Stream<Path> files = Files.walk(site.output())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }

        FixtureSite.Run again = site.build();
        assertThat(again.exitCode()).as(again.err()).isZero();
        Matcher m = SUMMARY.matcher(again.out().strip());
        assertThat(m.matches()).as(again.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("12");
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(before.size());
        assertThat(m.group(3)).as("written").isEqualTo("0");
        assertThat(Integer.parseInt(m.group(4))).as("unchanged").isEqualTo(before.size());
        assertThat(m.group(5)).as("removed").isEqualTo("0");

        assertSameTree(before, FixtureSite.tree(site.output()));
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.walk(site.output())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(site.output().relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        assertThat(times).hasSize(before.size());
        times.forEach((path, time) -> assertThat(time).as(path).isEqualTo(old));
    }

    @Test
    void changingOneArticleRewritesOnlyWhatShowsIt() {
        FixtureSite site = site();
        site.buildOk();
        int total = FixtureSite.tree(site.output()).size();
        site.add("""
                -- content/a05.md --
                ---
                title: Story number 5
                date: 2022-12-11 11:30
                category: Economy
                tags: [Uzbekistan, Uzbekistan]
                author: Reporter 2
                ---
                Paragraph of story 5, corrected.
                """);
        FixtureSite.Run run = site.build();
        Matcher m = SUMMARY.matcher(run.out().strip());
        assertThat(m.matches()).as(run.out()).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(total);
        int written = Integer.parseInt(m.group(3));
        assertThat(written).isPositive().isLessThan(total / 2);
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(total - written);
        assertThat(m.group(5)).as("removed").isEqualTo("0");
    }

    @Test
    void deletingAnArticleRemovesItsPageAndReportsIt() throws Exception {
        FixtureSite site = site();
        site.buildOk();
        assertThat(site.exists("/2022/12/13/a11/")).isTrue();
        Files.delete(site.root().resolve("content/a11.md"));
        FixtureSite.Run run = site.build();
        Matcher m = SUMMARY.matcher(run.out().strip());
        assertThat(m.matches()).as(run.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("11");
        assertThat(Integer.parseInt(m.group(5))).as("removed").isGreaterThanOrEqualTo(1);
        assertThat(site.exists("/2022/12/13/a11/")).isFalse();
    }

    private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
    }
}
