package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.config.YamlNode;
import dev.gazette.config.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette new}: a draft article at content/YYYY/MM/<slug>.md, dated in the site zone. */
class NewCommandTest {

    /** 19:30 UTC on 30 November is 00:30 on 1 December in Tashkent (UTC+5). */
    private static final String NEAR_MIDNIGHT_UTC = "2026-11-30T19:30:00Z";
    private static final String TRICKY_TITLE = "Министр: \"Мы закончим\" \\ 2026";
    private static final String TRICKY_PATH = "content/2026/12/ministr-my-zakonchim-2026.md";

    @TempDir
    Path dir;

    private FixtureSite tashkentSite(String categories) {
        return FixtureSite.write(dir, """
                -- gazette.yaml --
                title: New Courier
                timezone: Asia/Tashkent
                """ + categories);
    }

    private FixtureSite.Run runNew(FixtureSite site, String... extra) {
        List<String> args = new ArrayList<>(List.of("new", "--source", site.root().toString(), "--now", NEAR_MIDNIGHT_UTC));
        args.addAll(List.of(extra));
        return site.run(args.toArray(String[]::new));
    }

    /** The front matter of {@code file} as plain values, read back the way the build reads it. */
    private static Map<String, String> frontMatter(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("---\n");
        int end = text.indexOf("\n---\n");
        assertThat(end).as("closing --- line").isPositive();
        YamlReader.Result yaml = YamlReader.read(text.substring(4, end + 1));
        assertThat(yaml.ok()).as(yaml.error()).isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        ((YamlNode.Mapping) yaml.document()).entries().forEach((k, v) -> out.put(k, ((YamlNode.Scalar) v).text()));
        return out;
    }

    @Test
    void createsADraftWhoseTitleRoundTripsExactly() throws IOException {
        FixtureSite site = tashkentSite("categories: [Politics, Economy]\n");
        FixtureSite.Run run = runNew(site, TRICKY_TITLE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines().toList()).containsExactly(TRICKY_PATH);
        Path file = site.root().resolve(TRICKY_PATH);
        assertThat(file).isRegularFile();
        assertThat(frontMatter(file)).containsExactly(
                Map.entry("title", TRICKY_TITLE),
                Map.entry("date", "2026-12-01 00:30"),
                Map.entry("category", "Politics"),
                Map.entry("draft", "true"));
        String body = Files.readString(file, StandardCharsets.UTF_8);
        body = body.substring(body.indexOf("\n---\n") + 5);
        assertThat(body).startsWith("\n").contains("Write the article here");
    }

    @Test
    void folderAndDateFollowTheSiteZoneNotUtc() throws IOException {
        FixtureSite site = tashkentSite("");
        FixtureSite.Run run = runNew(site, "Night session");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(site.root().resolve("content/2026/11")).doesNotExist();
        assertThat(frontMatter(site.root().resolve("content/2026/12/night-session.md"))).containsEntry("date", "2026-12-01 00:30");
    }

    @Test
    void utcSiteKeepsTheUtcDay() throws IOException {
        FixtureSite site = FixtureSite.write(dir, "-- gazette.yaml --\ntitle: UTC Courier\n");
        FixtureSite.Run run = runNew(site, "Night session");

        assertThat(run.out().lines().toList()).containsExactly("content/2026/11/night-session.md");
        assertThat(frontMatter(site.root().resolve("content/2026/11/night-session.md"))).containsEntry("date", "2026-11-30 19:30");
    }

    @Test
    void siteWithoutAConfigFileWorksWithDefaults() {
        FixtureSite site = FixtureSite.write(dir, "");
        FixtureSite.Run run = runNew(site, "No config yet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(site.root().resolve("content/2026/11/no-config-yet.md")).isRegularFile();
    }

    @Test
    void categoryDefaultsToNewsWhenTheConfigDeclaresNone() throws IOException {
        FixtureSite site = tashkentSite("");
        runNew(site, "Plain report");

        assertThat(frontMatter(site.root().resolve("content/2026/12/plain-report.md"))).containsEntry("category", "News");
    }

    @Test
    void categoryDefaultsToTheFirstDeclaredOne() throws IOException {
        FixtureSite site = tashkentSite("categories: [Society, Politics]\n");
        runNew(site, "Trade figures");

        assertThat(frontMatter(site.root().resolve("content/2026/12/trade-figures.md"))).containsEntry("category", "Society");
    }

    @Test
    void mappedCategoryIsWrittenSoThatTheBuildAcceptsIt() throws IOException {
        FixtureSite site = tashkentSite("""
                categories:
                  economy: Economy and Trade
                  politics: Politics
                """);
        assertThat(runNew(site, "Trade figures").exitCode()).isZero();
        assertThat(runNew(site, "Budget vote", "--category", "Politics").exitCode()).isZero();
        assertThat(runNew(site, "Export deal", "--category", "economy and trade").exitCode()).isZero();

        assertThat(frontMatter(site.root().resolve("content/2026/12/trade-figures.md"))).containsEntry("category", "economy");
        assertThat(frontMatter(site.root().resolve("content/2026/12/budget-vote.md"))).containsEntry("category", "Politics");
        assertThat(frontMatter(site.root().resolve("content/2026/12/export-deal.md"))).containsEntry("category", "economy");
        site.buildOk("--drafts");
        assertThat(site.page("/category/economy/").select(".article-list h2 a").eachText())
                .containsExactlyInAnyOrder("Trade figures", "Export deal");
    }

    @Test
    void categoryOptionIsWrittenAsDeclared() throws IOException {
        FixtureSite site = tashkentSite("categories: [Politics, Economy]\n");
        FixtureSite.Run run = runNew(site, "Budget vote", "--category", "economy");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(frontMatter(site.root().resolve("content/2026/12/budget-vote.md"))).containsEntry("category", "Economy");
    }

    @Test
    void anyCategoryIsAcceptedWhenNoneAreDeclaredAndItRoundTrips() throws IOException {
        FixtureSite site = tashkentSite("");
        FixtureSite.Run run = runNew(site, "Gallery opens", "-c", "Culture: \"Arts\" #1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(frontMatter(site.root().resolve("content/2026/12/gallery-opens.md")))
                .containsEntry("category", "Culture: \"Arts\" #1");
    }

    @Test
    void undeclaredCategoryIsRefusedWithTheDeclaredOnes() {
        FixtureSite site = tashkentSite("categories: [Politics, Economy]\n");
        FixtureSite.Run run = runNew(site, "Match report", "--category", "Sport");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(run.err().lines().toList()).containsExactly(
                "gazette: unknown category \"Sport\"; use one of Politics, Economy (or add it to categories in gazette.yaml)");
        assertThat(run.out()).isEmpty();
        assertThat(site.root().resolve("content")).doesNotExist();
    }

    @Test
    void existingFileIsNeverOverwritten() throws IOException {
        FixtureSite site = tashkentSite("");
        String original = "---\ntitle: Night session\ndate: 2026-12-01 00:10\ncategory: News\n---\nAlready written.\n";
        site.file("content/2026/12/night-session.md", original);

        FixtureSite.Run run = runNew(site, "Night session");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(run.err().lines().toList()).containsExactly(
                "gazette: content/2026/12/night-session.md already exists; choose another title or edit that file");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(site.root().resolve("content/2026/12/night-session.md"), StandardCharsets.UTF_8))
                .isEqualTo(original);
    }

    @Test
    void runningTwiceWithTheSameTitleRefusesTheSecondTime() {
        FixtureSite site = tashkentSite("");
        assertThat(runNew(site, "Night session").exitCode()).isZero();
        assertThat(runNew(site, "Night session").exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
    }

    @Test
    void titleWithoutLettersOrDigitsIsAUsageError() {
        FixtureSite site = tashkentSite("");
        FixtureSite.Run run = runNew(site, "?!: —");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("gazette: the title \"?!: —\" has no letters or digits");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(site.root().resolve("content")).doesNotExist();
    }

    @Test
    void configErrorsArePrintedAndNothingIsCreated() {
        FixtureSite site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Broken
                timezone: Mars/Olympus
                """);
        FixtureSite.Run run = runNew(site, "Anything");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(run.err()).contains("gazette.yaml:2: unknown time zone \"Mars/Olympus\"; use an IANA id");
        assertThat(run.out()).isEmpty();
        assertThat(site.root().resolve("content")).doesNotExist();
    }

    @Test
    void missingSourceFolderIsAUsageError() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("new", "--source", dir.resolve("nope").toString(), "Title");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("gazette: no such folder: ");
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void theDraftIsPublishedByABuildWithDrafts() {
        FixtureSite site = tashkentSite("categories: [Politics, Economy]\n");
        assertThat(runNew(site, TRICKY_TITLE).exitCode()).isZero();

        site.buildOk("--drafts");

        assertThat(site.page("/2026/12/01/ministr-my-zakonchim-2026/").select("h1").text()).isEqualTo(TRICKY_TITLE);
        assertThat(site.page("/").select(".article-list h2 a").eachText()).containsExactly(TRICKY_TITLE);

        site.buildOk();
        assertThat(site.exists("/2026/12/01/ministr-my-zakonchim-2026/")).isFalse();
    }

    @Test
    void helpDescribesTheCommandWithoutTheHiddenClockOption() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("new", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gazette new").contains("--category", "--source", "TITLE")
                .doesNotContain("--now");
    }
}
