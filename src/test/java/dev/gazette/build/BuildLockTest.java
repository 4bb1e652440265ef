package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds of one site take turns, whether they run in one process or in two. */
class BuildLockTest {

    @TempDir
    Path dir;

    private FixtureSite site() {
        StringBuilder spec = new StringBuilder("-- gazette.yaml --\ntitle: Turns\npageSize: 2\n");
        for (int i = 1; i <= 6; i++) {
            spec.append("-- content/a").append(i).append(".md --\n").append(FixtureSite.article(
                    "title: Report " + i + "\ndate: 2022-12-2" + i + " 20:26\ncategory: Politics\ntags: [Tashkent]",
                    "Text of report " + i + ".")).append('\n');
        }
        return FixtureSite.write(dir.resolve("site-src"), spec.toString());
    }

    @Test
    void aBuildWaitsWhileAnotherThreadBuildsTheSite() throws Exception {
        FixtureSite site = site();
        CompletableFuture<FixtureSite.Run> build;
        try (BuildLock held = BuildLock.acquire(site.root(), () -> { })) {
            build = CompletableFuture.supplyAsync(() -> site.build());
            Thread.sleep(500);
            assertThat(build).isNotDone();
        }
        FixtureSite.Run run = build.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Waiting for another build of " + site.root().toAbsolutePath().normalize());
        assertThat(site.page("/").select("article.teaser")).hasSize(2);
    }

    @Test
    void aBuildWaitsWhileAnotherProcessBuildsTheSite() throws Exception {
        FixtureSite site = site();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldLock.class.getName(), site.root().toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");
            // This JVM's own lock is free: only the other process's file lock can make it wait.
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<BuildResult> build = CompletableFuture.supplyAsync(() -> SiteBuild.run(
                    new BuildOptions(site.root(), site.output(), null, false), waiting::countDown));
            assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(build).isNotDone();
            holder.getOutputStream().close(); // the holder lets go and ends
            BuildResult result = build.get(60, TimeUnit.SECONDS);
            assertThat(result.ok()).as(result.diagnostics().toString()).isTrue();
            assertThat(site.exists("/2022/12/26/a6/")).isTrue();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoBuildsAtOnceLeaveTheSiteWholeAndAsOneBuildMakesIt() throws Exception {
        FixtureSite site = site();
        site.buildOk("--now", "2023-01-01T00:00:00Z");
        Map<String, byte[]> alone = FixtureSite.tree(site.output());
        FixtureSite.deleteTree(site.output());
        FixtureSite.deleteTree(site.root().resolve(BuildSession.STATE_DIR));
        List<CompletableFuture<FixtureSite.Run>> builds = List.of(
                CompletableFuture.supplyAsync(() -> site.build("--now", "2023-01-01T00:00:00Z")),
                CompletableFuture.supplyAsync(() -> site.build("--now", "2023-01-01T00:00:00Z")),
                CompletableFuture.supplyAsync(() -> site.build("--now", "2023-01-01T00:00:00Z")));
        for (CompletableFuture<FixtureSite.Run> build : builds) {
            FixtureSite.Run run = build.get(60, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(FixtureSite.tree(site.output())).containsOnlyKeys(alone.keySet());
        alone.forEach((path, bytes) -> assertThat(FixtureSite.tree(site.output()).get(path)).as(path).isEqualTo(bytes));
        try (var left = java.nio.file.Files.list(site.root())) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(".gazette", "content", "gazette.yaml", "site");
        }
    }

    /** Holds a site's build lock, as a build in another process does, until its input closes. */
    public static final class HoldLock {
        public static void main(String[] args) throws Exception {
            try (BuildLock lock = BuildLock.acquire(Path.of(args[0]), () -> { })) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our input
                }
            }
        }
    }
}
