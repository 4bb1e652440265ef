package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the launcher records for the packaged jar, with the real JVM: every class
 * a build starts with is mapped from it, picocli's included (compiled for Java 5, which the kind
 * of archive JDK 17 records at exit leaves out).
 */
class ClassDataArchiveIT {

    @TempDir
    Path dir;

    @Test
    void theArchiveHoldsTheClassesOfTheCommandLine() throws Exception {
        Path install = installOfThePackagedJar(dir.resolve("install"));

        String printed = run(List.of("/bin/bash", install.resolve("gazette").toString(), "--version"));

        assertThat(printed).contains("Gazette ");
        Path archive = install.resolve("target/gazette.jsa");
        assertThat(archive).isRegularFile();
        // -Xshare:on: the JVM refuses to start rather than run without the archive.
        List<String> loaded = run(List.of("java", "-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-Xlog:class+load=info", "-jar", install.resolve("target/gazette.jar").toString(), "--version")).lines()
                .toList();
        for (String name : List.of("picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec",
                "dev.gazette.cli.Main", "dev.gazette.cli.BuildCommand")) {
            assertThat(loaded).as(name).anyMatch(line -> line.contains(" " + name + " source: shared objects file"));
        }
        assertThat(loaded.stream().filter(line -> line.contains(" picocli.") && line.contains("source: file:")))
                .as("picocli classes read from the jar").hasSizeLessThan(10);
    }

    /** The launcher with the jar `mvn package` made, newer than the sources, and no archive yet. */
    private static Path installOfThePackagedJar(Path install) throws IOException {
        Path jar = Path.of("target/gazette.jar");
        assertThat(jar).as("packaged before the integration tests").isRegularFile();
        Files.createDirectories(install.resolve("src/main"));
        Files.createDirectories(install.resolve("templates"));
        Files.createDirectories(install.resolve("target"));
        Files.copy(Path.of("gazette"), install.resolve("gazette"));
        Files.writeString(install.resolve("pom.xml"), "<project/>");
        Files.copy(jar, install.resolve("target/gazette.jar"));
        Instant now = Instant.now();
        for (String old : List.of("pom.xml", "src/main", "templates", "src", "gazette")) {
            Files.setLastModifiedTime(install.resolve(old), FileTime.from(now.minusSeconds(3600)));
        }
        Files.setLastModifiedTime(install.resolve("target/gazette.jar"), FileTime.from(now.minusSeconds(60)));
        return install;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("GAZETTE_JAVA_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
