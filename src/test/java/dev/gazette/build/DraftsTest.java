package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code draft: true} keeps an article out of the site unless the build runs with {@code --drafts}. */
class DraftsTest {

    @TempDir
    Path dir;

    private static final String SITE = """
            -- gazette.yaml --
            title: Draft Courier
            timezone: Asia/Tashkent
            -- content/published.md --
            ---
            title: Published report
            date: 2022-12-22 20:26
            category: Politics
            tags: [Kazakhstan]
            ---
            Out in the open.
            -- content/unfinished.md --
            ---
            title: Unfinished opinion piece
            date: 2023-01-05 10:00
            category: Opinion
            tags: [Kazakhstan]
            draft: true
            ---
            Not ready yet.
            """;

    @Test
    void draftIsAbsentFromEveryPageByDefault() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        FixtureSite.Run run = site.build();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Built 1 article into ");

        assertThat(site.exists("/2023/01/05/unfinished/")).isFalse();
        assertThat(site.exists("/category/opinion/")).isFalse();
        assertThat(site.exists("/2023/")).isFalse();
        assertThat(site.exists("/2023/01/05/")).isFalse();
        assertThat(site.page("/").select(".article-list h2 a").eachText()).containsExactly("Published report");
        assertThat(site.page("/archive/").select("a[href=/2023/]")).isEmpty();
        assertThat(site.page("/2022/12/22/published/").select(".more-news")).isEmpty();
        assertThat(site.page("/").select("nav.site-nav a").eachText()).doesNotContain("Opinion");

        Map<String, byte[]> tree = FixtureSite.tree(site.output());
        assertThat(tree.keySet()).noneMatch(p -> p.contains("unfinished") || p.contains("opinion"));
        tree.forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path)
                .doesNotContain("Unfinished opinion piece").doesNotContain("Not ready yet"));
    }

    @Test
    void draftIsPublishedWithTheDraftsOption() {
        FixtureSite site = FixtureSite.write(dir, SITE);
        FixtureSite.Run run = site.build("--drafts");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Built 2 articles into ");

        assertThat(site.page("/2023/01/05/unfinished/").select("h1").text()).isEqualTo("Unfinished opinion piece");
        assertThat(site.page("/").select(".article-list h2 a").eachText())
                .containsExactly("Unfinished opinion piece", "Published report");
        assertThat(site.page("/category/opinion/").select(".article-list h2 a").eachText())
                .containsExactly("Unfinished opinion piece");
        assertThat(site.page("/2023/01/05/").select(".article-list h2 a").eachText())
                .containsExactly("Unfinished opinion piece");
        assertThat(site.page("/archive/").select("a[href=/2023/]")).isNotEmpty();
        assertThat(site.page("/2022/12/22/published/").select(".more-news h3 a").eachText())
                .containsExactly("Unfinished opinion piece");
    }

    @Test
    void rebuildingWithoutTheOptionTakesTheDraftDownAgain() {
        FixtureSite site = FixtureSite.write(dir, SITE).buildOk("--drafts");
        assertThat(site.exists("/2023/01/05/unfinished/")).isTrue();
        site.buildOk();
        assertThat(site.exists("/2023/01/05/unfinished/")).isFalse();
        assertThat(site.exists("/category/opinion/")).isFalse();
    }

    @Test
    void draftFalseAndYamlNoArePublished() {
        FixtureSite site = FixtureSite.write(dir, SITE + """
                -- content/explicit.md --
                ---
                title: Explicitly final
                date: 2022-12-20
                category: Politics
                draft: false
                ---
                Done.
                -- content/spelled-no.md --
                ---
                title: Final in YAML 1.1 words
                date: 2022-12-19
                category: Politics
                draft: no
                ---
                Done too.
                """).buildOk();
        assertThat(site.page("/").select(".article-list h2 a").eachText())
                .containsExactly("Published report", "Explicitly final", "Final in YAML 1.1 words");
    }
}
