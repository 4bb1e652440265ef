package dev.gazette.build;

import dev.gazette.render.Version;
import dev.gazette.write.OutputState;
import dev.gazette.write.WriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One build: load -> parse -> index -> render -> write. Any problem stops it before write, so the
 * previous output stays exactly as it was. When nothing the build reads has changed since the
 * last successful build, and the output is as that build left it, nothing is done at all.
 */
public final class SiteBuild {

    private SiteBuild() {
    }

    public static BuildResult run(BuildOptions options) {
        return run(options, () -> { });
    }

    /**
     * Like {@link #run(BuildOptions)}; when another build of the site is running (see
     * {@link BuildLock}), runs {@code whileWaiting} once and waits for it to end.
     */
    public static BuildResult run(BuildOptions options, Runnable whileWaiting) {
        try (BuildLock lock = BuildLock.acquire(options.source(), whileWaiting)) {
            return runLocked(options);
        }
    }

    private static BuildResult runLocked(BuildOptions options) {
        long start = System.nanoTime();
        Path cacheDir = options.source().resolve(BuildSession.CACHE_DIR);
        Path stateFile = cacheDir.resolve(BuildSession.OUTPUT_STATE);
        // The output check (a stat of every file the last build wrote) runs beside the sources' listing.
        java.util.concurrent.CompletableFuture<OutputState> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> OutputState.check(stateFile, options.output()));
        UpToDate.Stamp sources = UpToDate.sources(options, Version.get());
        UpToDate.Manifest last = UpToDate.read(cacheDir);
        OutputState state = output.join();
        if (last != null && !sources.racy() && last.sources().equals(sources.hash())
                && (last.validUntil() == null || Instant.now().isBefore(last.validUntil()))
                && state != null && state.complete() && state.size() == last.files()) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new BuildResult(List.of(), last.articles(), new WriteResult(0, last.files(), 0), elapsed,
                    Map.of("check", elapsed));
        }
        Duration check = Duration.ofNanos(System.nanoTime() - start);
        UpToDate.forget(cacheDir);
        BuildSession session = new BuildSession(options, true, state);
        BuildResult result;
        try {
            result = session.rebuildAll().result();
        } finally {
            session.close();
        }
        if (result.ok() && !sources.racy()) {
            UpToDate.write(cacheDir, new UpToDate.Manifest(sources.hash(), session.validUntil(),
                    result.articles(), result.write().total()));
        }
        Map<String, Duration> stages = new java.util.LinkedHashMap<>();
        stages.put("check", check);
        stages.putAll(result.stages());
        return new BuildResult(result.diagnostics(), result.articles(), result.write(),
                Duration.ofNanos(System.nanoTime() - start), stages);
    }
}
