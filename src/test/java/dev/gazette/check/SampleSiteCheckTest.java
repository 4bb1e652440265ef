package dev.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's sample site passes {@code gazette check}, at the root of a host and under a sub-path. */
class SampleSiteCheckTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copySampleSite() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        assertThat(repo.resolve("gazette.yaml")).as("tests run from the repository root").isRegularFile();
        FixtureSite.copyTree(repo.resolve("content"), dir.resolve("content"));
        FixtureSite.copyTree(repo.resolve("templates"), dir.resolve("templates"));
        Files.copy(repo.resolve("gazette.yaml"), dir.resolve("gazette.yaml"));
    }

    @Test
    void sampleSiteHasNoProblems() {
        FixtureSite.Run run = FixtureSite.write(dir, "").run("check", "--source", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).matches("Checked \\d+ pages: no problems\\.\\R");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void sampleSiteUnderASubPathHasNoProblems() throws IOException {
        Path config = dir.resolve("gazette.yaml");
        String yaml = Files.readString(config, StandardCharsets.UTF_8);
        String subPath = yaml.replaceFirst("(?m)^baseUrl: *(https?://[^/\\s]+)/? *$", "baseUrl: $1/news/");
        assertThat(subPath).as("the sample gazette.yaml has a baseUrl at a host root").isNotEqualTo(yaml);
        Files.writeString(config, subPath, StandardCharsets.UTF_8);

        FixtureSite.Run run = FixtureSite.write(dir, "").run("check", "--source", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).matches("Checked \\d+ pages: no problems\\.\\R");
        assertThat(run.exitCode()).isZero();
    }

}
