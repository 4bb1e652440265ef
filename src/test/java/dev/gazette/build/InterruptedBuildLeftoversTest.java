package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped while it assembled the new site (Ctrl-C, a killed job) leaves that half-made
 * site next to the output folder, under a hidden name; one stopped while deleting the previous
 * site leaves what remains of it. The next build removes both, and nothing else.
 */
class InterruptedBuildLeftoversTest {

    @TempDir
    Path dir;

    @Test
    void theNextBuildRemovesAnInterruptedBuildsFoldersAndNothingElse() throws IOException {
        FixtureSite site = FixtureSite.write(dir, """
                -- gazette.yaml --
                title: Courier
                -- content/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                The treaty was signed.
                """);
        Path halfMade = dir.resolve(".site.new-8071946352807251");
        Path halfDeleted = dir.resolve(".site.old-12");
        Files.createDirectories(halfMade.resolve("2022/12/22/treaty"));
        Files.writeString(halfMade.resolve("2022/12/22/treaty/index.html"), "<p>half");
        Files.createDirectories(halfDeleted.resolve("tag"));
        // Not Gazette's names: kept.
        Path[] kept = {dir.resolve(".site.new-mine"), dir.resolve(".site.newer-1"), dir.resolve(".public.new-5"),
            dir.resolve("site.new-5")};
        for (Path folder : kept) {
            Files.createDirectories(folder);
        }
        Files.writeString(dir.resolve(".site.new-77"), "a file, not a folder");

        site.buildOk();

        assertThat(halfMade).doesNotExist();
        assertThat(halfDeleted).doesNotExist();
        assertThat(kept).allSatisfy(folder -> assertThat(folder).isDirectory());
        assertThat(dir.resolve(".site.new-77")).hasContent("a file, not a folder");
        assertThat(site.page("/2022/12/22/treaty/").select("h1").text()).isEqualTo("Allied treaty signed");
        try (var entries = Files.list(dir)) {
            assertThat(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.matches("\\.site\\.(new|old)-[0-9]+"));
        }
    }
}
