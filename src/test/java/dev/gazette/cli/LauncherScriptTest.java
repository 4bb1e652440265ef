package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.daemon.DaemonClient;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./gazette} launcher's choice of JVM options, run with a stand-in {@code java} that
 * prints its arguments: who may use the build daemon, and what a client of a listening daemon
 * leaves out.
 */
class LauncherScriptTest {

    @TempDir
    Path dir;

    private Path install;
    private Path site;

    /** A built install (jar and class-data archive newer than the sources) and a site of two articles. */
    @BeforeEach
    void install() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        install = LauncherInstall.create(dir.resolve("install"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        site = Files.createDirectories(dir.resolve("news"));
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve("content/one.md"), "---\ntitle: One\n---\n");
        Files.writeString(site.resolve("content/two.md"), "---\ntitle: Two\n---\n");
    }

    /** The arguments the launcher passes to java, with the given extra environment (null removes a variable). */
    private List<String> javaArgs(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Launched launched = launch(env, args);
        assertThat(launched.exitCode()).as(launched.output()).isZero();
        return launched.output().lines().toList();
    }

    /** What the launcher printed on both streams, and its exit code. */
    private record Launched(int exitCode, String output) {
    }

    private Launched launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", install.resolve("gazette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        builder.environment().remove("CI");
        builder.environment().remove("GAZETTE_DAEMON");
        builder.environment().remove("GAZETTE_JAVA_OPTS");
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Launched(process.waitFor(), out);
    }

    /**
     * Sources newer than the jar: the launcher compiles first, through a stand-in {@code mvn} that
     * ends its output with colour resets on both streams, as Debian's Maven 3.8 does in batch mode
     * without colour. They are dropped; Maven's messages and a failure's exit code come through.
     */
    @Test
    void theFirstRunsCompilePassesOnMavensMessagesWithoutItsColourCodes() throws Exception {
        Path mvn = dir.resolve("bin/mvn");
        Files.writeString(mvn, """
                #!/bin/sh
                printf '[ERROR] %s\\033[0m\\n' "$MVN_SAYS" >&2
                printf '\\033[1m\\033[0m'
                [ "$MVN_EXIT" = 0 ] && touch target/gazette.jar
                exit "$MVN_EXIT"
                """);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(install.resolve("src/main"), FileTime.from(Instant.now()));

        Launched failed = launch(Map.of("MVN_SAYS", "cannot find symbol", "MVN_EXIT", "1"), "build", "--source",
                site.toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("gazette: compiling", "[ERROR] cannot find symbol").doesNotContain("\u001b")
                .doesNotContain("-jar");

        Launched compiled = launch(Map.of("MVN_SAYS", "a warning", "MVN_EXIT", "0"), "build", "--source",
                site.toString());

        assertThat(compiled.exitCode()).as(compiled.output()).isZero();
        assertThat(compiled.output()).contains("[ERROR] a warning").doesNotContain("\u001b");
        assertThat(compiled.output().lines()).contains("-jar", install.resolve("target/gazette.jar").toString());
    }

    @Test
    void aBuildMayUseTheSitesDaemon() throws Exception {
        List<String> args = javaArgs(Map.of(), "build", "--source", site.toString());

        assertThat(args).contains("-Dgazette.daemon.site=" + site, "-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + install.resolve("target/gazette.jsa"));
        assertThat(args.subList(args.indexOf("-jar"), args.size()))
                .containsExactly("-jar", install.resolve("target/gazette.jar").toString(), "build", "--source", site.toString());
    }

    /** The archive is mapped where it was recorded only where this JDK took the option then. */
    @Test
    void theArchiveIsMappedUnmovedOnlyWhereTheRecordingFoundTheOption() throws Exception {
        assertThat(javaArgs(Map.of(), "build", "--source", site.toString()))
                .contains("-XX:SharedArchiveFile=" + install.resolve("target/gazette.jsa"))
                .doesNotContain("-XX:ArchiveRelocationMode=0");
        Files.writeString(install.resolve("target/gazette.jsa.fixed"), "");

        List<String> args = javaArgs(Map.of(), "build", "--source", site.toString());

        assertThat(args).containsSubsequence("-XX:SharedArchiveFile=" + install.resolve("target/gazette.jsa"),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-jar");
    }

    /**
     * A one-off build has flexmark's line-end search inlined into its parser, and the JVM, which
     * ignores a command for a method it does not have, is told of a method that exists: a new
     * flexmark that renamed it would lose the gain without a word.
     */
    @Test
    void aOneOffBuildInlinesTheLineEndSearchOfTheFlexmarkItShipsWith() throws Exception {
        List<String> args = javaArgs(Map.of("GAZETTE_DAEMON", "off"), "build", "--source", site.toString());

        List<String> inlined = args.stream().filter(a -> a.startsWith("-XX:CompileCommand=inline,")).toList();
        assertThat(inlined).isNotEmpty();
        assertThat(args).contains("-XX:CompileCommand=quiet");
        for (String command : inlined) {
            String[] target = command.substring("-XX:CompileCommand=inline,".length()).split("::");
            assertThat(Arrays.stream(Class.forName(target[0]).getDeclaredMethods()).map(Method::getName))
                    .as(command).contains(target[1]);
        }
        assertThat(inlined).contains(
                "-XX:CompileCommand=inline,com.vladsch.flexmark.util.sequence.SequenceUtils::indexOfAny");
    }

    /**
     * The parallel collector for every build; for a site under 30,000 articles the quick compiler
     * alone, at lower thresholds, and a small young generation whose survivors go straight to the
     * old one; above, C2 at its usual thresholds and a heap that starts large, its young generation
     * held at 100 MB.
     */
    @Test
    void aLargeArchiveGetsTheOptimisingCompilerAndALargeInitialHeap() throws Exception {
        assertThat(javaArgs(Map.of(), "build", "--source", site.toString()))
                .contains("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.25", "-Xmn64m",
                        "-XX:MaxTenuringThreshold=0", "-XX:+UseParallelGC")
                .doesNotContain("-XX:+UseSerialGC").noneMatch(a -> a.startsWith("-Xms"));
        Path month = Files.createDirectories(site.resolve("content/2022/12"));
        for (int i = 0; i < 30_000; i++) {
            Files.createFile(month.resolve("story-" + i + ".md"));
        }

        List<String> args = javaArgs(Map.of(), "build", "--source", site.toString());

        assertThat(args).contains("-Xms1500m", "-Xmn100m", "-XX:+UseParallelGC")
                .doesNotContain("-XX:TieredStopAtLevel=1", "-Xmn64m", "-XX:+UseSerialGC")
                .noneMatch(a -> a.startsWith("-XX:CompileThresholdScaling") || a.startsWith("-XX:MaxTenuringThreshold"));

        // A cap of the user's own below that start: the JVM would refuse to start at all.
        List<String> capped = javaArgs(Map.of("GAZETTE_JAVA_OPTS", "-Xmx1g"), "build", "--source", site.toString());

        assertThat(capped).contains("-Xmn100m", "-Xmx1g").doesNotContain("-Xms1500m");
        List<String> heap = capped.stream().filter(a -> a.startsWith("-Xm")).toList();
        assertThat(heap).containsExactly("-Xmx2600m", "-Xmn100m", "-Xmx1g");
        List<String> realJava = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        realJava.addAll(heap);
        realJava.add("-version");
        Process check = new ProcessBuilder(realJava).redirectErrorStream(true).start();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(said).isZero();
    }

    /** The JVM refuses two collectors: one named in GAZETTE_JAVA_OPTS replaces the launcher's. */
    @Test
    void aCollectorInTheUsersOptionsReplacesTheLaunchers() throws Exception {
        assertThat(javaArgs(Map.of("GAZETTE_JAVA_OPTS", "-Xss2m -XX:+UseG1GC"), "build", "--source", site.toString()))
                .contains("-XX:+UseG1GC", "-Xmn64m").noneMatch(a -> a.matches("-XX:\\+Use(Serial|Parallel)GC"));
        assertThat(javaArgs(Map.of("GAZETTE_JAVA_OPTS", "-XX:+UseG1GC"), "serve", "--source", site.toString()))
                .contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
        assertThat(javaArgs(Map.of("GAZETTE_JAVA_OPTS", "-XX:ParallelGCThreads=1"), "serve", "--source", site.toString()))
                .contains("-XX:+UseSerialGC", "-XX:ParallelGCThreads=1");
    }

    @Test
    void theSiteIsFoundInEveryFormOfTheSourceOption() throws Exception {
        assertThat(javaArgs(Map.of(), "build", "--source=" + site)).contains("-Dgazette.daemon.site=" + site);
        assertThat(javaArgs(Map.of(), "build", "-s", site.toString(), "--quiet")).contains("-Dgazette.daemon.site=" + site);
        assertThat(javaArgs(Map.of(), "build")).contains("-Dgazette.daemon.site=.");
    }

    @Test
    void ciJobsTheOffSwitchAndOtherCommandsGetNoDaemon() throws Exception {
        assertThat(javaArgs(Map.of("CI", "true"), "build", "--source", site.toString()))
                .noneMatch(a -> a.startsWith("-Dgazette.daemon"));
        assertThat(javaArgs(Map.of("GAZETTE_DAEMON", "off"), "build", "--source", site.toString()))
                .noneMatch(a -> a.startsWith("-Dgazette.daemon"));
        assertThat(javaArgs(Map.of(), "serve", "--source", site.toString()))
                .noneMatch(a -> a.startsWith("-Dgazette.daemon")).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");

        List<String> args = javaArgs(Map.of(), "check", "--source", site.toString());

        assertThat(args.contains("-XX:+UseTransparentHugePages")).isEqualTo(madvise);
    }

    /** The launcher finds the socket where Gazette puts it, by its own rule. */
    @Test
    void aClientOfAListeningDaemonSkipsTheArchive() throws Exception {
        Path socket = DaemonClient.socket(site).orElse(null);
        Assumptions.assumeTrue(socket != null && socket.toString().length() <= 100, "no runtime folder for sockets");
        try (ServerSocketChannel daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            daemon.bind(UnixDomainSocketAddress.of(socket));

            List<String> args = javaArgs(Map.of(), "build", "--source", site.toString());

            assertThat(args).contains("-Dgazette.daemon.site=" + site, "-XX:TieredStopAtLevel=1")
                    .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void theSocketIsFoundAsGazetteNamesItForAnyFolderNameAndLink() throws Exception {
        Path news = Files.createDirectories(dir.resolve("новости o‘zbek"));
        Files.createDirectories(news.resolve("content"));
        Files.createSymbolicLink(dir.resolve("link"), news);
        Path socket = DaemonClient.socket(news).orElse(null);
        Assumptions.assumeTrue(socket != null && socket.toString().length() <= 100, "no runtime folder for sockets");
        try (ServerSocketChannel daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            daemon.bind(UnixDomainSocketAddress.of(socket));

            // Relative, through a link: the key is that of the real path, as Gazette computes it.
            List<String> args = javaArgs(Map.of("LC_ALL", "C.UTF-8"), "build", "--source", "link");

            assertThat(args).contains("-Dgazette.daemon.site=link", "-XX:TieredStopAtLevel=1")
                    .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
