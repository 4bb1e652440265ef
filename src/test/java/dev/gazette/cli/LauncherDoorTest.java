package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import dev.gazette.daemon.DaemonClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script handing builds to the site's daemon through its door, with a real daemon:
 * {@code java} is a stand-in that logs each start and runs Gazette from the test classpath, so the
 * log shows whether a build needed a JVM.
 */
class LauncherDoorTest {

    private static final String NOW = "2022-12-23T12:00:00+05:00";

    @TempDir
    Path dir;

    private Path install;
    private Path javaLog;
    private FixtureSite site;

    /** What one run of the launcher printed, and its exit code. */
    private record Run(int code, String out, String err) {
    }

    @BeforeEach
    void install() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        site = FixtureSite.write(dir.resolve("news"), """
                -- content/2022/12/treaty.md --
                ---
                title: Treaty signed in Tashkent
                date: 2022-12-22 20:26
                category: Politics
                ---
                The presidents signed the treaty.
                """);
        Optional<Path> socket = DaemonClient.socket(site.root());
        Assumptions.assumeTrue(socket.isPresent() && socket.get().toString().length() <= 100, "no runtime folder for sockets");
        install = LauncherInstall.create(dir.resolve("install"));
        javaLog = dir.resolve("java.log");
        Files.writeString(javaLog, "");
        String realJava = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        // Keeps the -D options (the daemon's site), drops the others and "-jar <jar>".
        Files.writeString(java, """
                #!/bin/bash
                echo "java $*" >> '%s'
                opts=()
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -jar) shift 2; break ;;
                    -D*) opts+=("$1") ;;
                  esac
                  shift
                done
                exec '%s' "${opts[@]}" -cp '%s' dev.gazette.cli.Launch "$@"
                """.formatted(javaLog, realJava, System.getProperty("java.class.path")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void stopDaemon() throws Exception {
        Optional<Path> socket = DaemonClient.socket(site.root());
        if (socket.isEmpty()) {
            return;
        }
        Files.deleteIfExists(socket.get());
        awaitGone(door());
        Path folder = socket.get().getParent();
        String key = socket.get().getFileName().toString().replace(".sock", "");
        Files.deleteIfExists(folder.resolve(key + ".lock"));
        Files.deleteIfExists(folder.resolve(key + ".log"));
    }

    private Path door() {
        Path socket = DaemonClient.socket(site.root()).orElseThrow();
        return socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".door"));
    }

    private Run gazette(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", install.resolve("gazette").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("CI");
        builder.environment().remove("GAZETTE_DAEMON");
        builder.environment().remove("GAZETTE_JAVA_OPTS");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private long javaStarts() throws IOException {
        return Files.readAllLines(javaLog).stream().filter(l -> l.startsWith("java ")).count();
    }

    private static void awaitGone(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private void awaitDoor() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(door())) {
            assertThat(System.nanoTime()).as("the daemon opens its door").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void buildsAfterTheFirstGoThroughTheDoorWithoutAJvm() throws Exception {
        String source = site.root().toString();
        Run first = gazette(dir, "build", "--source", source, "--now", NOW);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("started a build daemon");
        assertThat(javaStarts()).isEqualTo(1);
        awaitDoor();

        site.file("content/2022/12/treaty.md", FixtureSite.article(
                "title: Treaty signed in Tashkent\ndate: 2022-12-22 20:26\ncategory: Politics", "Ратифицировано."));
        Run edit = gazette(dir, "build", "--source", source, "--now", NOW);

        assertThat(edit.code()).as(edit.err()).isZero();
        assertThat(edit.out()).startsWith("Built 1 article into ").endsWith(" removed).\n");
        assertThat(edit.err()).isEmpty();
        assertThat(site.page("/2022/12/22/treaty/").text()).contains("Ратифицировано.");
        assertThat(javaStarts()).as("no JVM started for the build").isEqualTo(1);

        site.file("content/2022/12/broken.md", "no front matter here\n");
        Run broken = gazette(dir, "build", "--source", source, "--now", NOW);

        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).startsWith("content/2022/12/broken.md:1: no front matter;").contains("Build failed: 1 problem");
        assertThat(javaStarts()).isEqualTo(1);
    }

    @Test
    void aBuildTheDaemonWillNotTakeRunsInAJvmOfItsOwn() throws Exception {
        String source = site.root().toString();
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        awaitDoor();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        site.file("content/2022/12/treaty.md", FixtureSite.article(
                "title: Treaty signed in Tashkent\ndate: 2022-12-22 20:26\ncategory: Politics", "Ratified."));

        // Another working folder: the daemon refuses, the launcher starts a JVM, which builds.
        Run run = gazette(elsewhere, "build", "--source", source, "--now", NOW);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Built 1 article into ");
        assertThat(javaStarts()).isEqualTo(2);
        assertThat(site.page("/2022/12/22/treaty/").text()).contains("Ratified.");

        // Another identity of the install (a rebuilt jar): the door is not used.
        Path jar = install.resolve("target/gazette.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        Files.writeString(jar, "jar, rebuilt");
        Files.setLastModifiedTime(install.resolve("target/gazette.jsa"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        assertThat(javaStarts()).isEqualTo(3);
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, built);
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        assertThat(javaStarts()).as("the same identity again").isEqualTo(3);

        // Whoever answers at the door must know the daemon's token: else the launcher starts a JVM.
        List<String> lines = Files.readAllLines(door());
        List<String> otherToken = new ArrayList<>(lines);
        otherToken.set(3, "0".repeat(32));
        Files.write(door(), otherToken);
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        assertThat(javaStarts()).isEqualTo(4);

        // A door whose daemon is gone: the launcher falls back to a JVM.
        List<String> otherPort = new ArrayList<>(lines);
        otherPort.set(1, "1");
        Files.write(door(), otherPort);
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        assertThat(javaStarts()).isEqualTo(5);

        Files.write(door(), lines);
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        assertThat(javaStarts()).as("the door as the daemon wrote it").isEqualTo(5);
    }

    @Test
    void aDoorFileOfAnotherUserIsNotUsed() throws Exception {
        String source = site.root().toString();
        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();
        awaitDoor();
        try {
            Files.setOwner(door(), door().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("only a superuser can give a file away: " + e);
        }

        assertThat(gazette(dir, "build", "--source", source, "--now", NOW).code()).isZero();

        assertThat(javaStarts()).as("a JVM asked through the socket").isEqualTo(2);
    }
}
