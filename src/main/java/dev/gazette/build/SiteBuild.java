package dev.gazette.build;

import dev.gazette.render.Version;
import dev.gazette.write.OutputState;
import dev.gazette.write.WriteResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One build: load -> parse -> index -> render -> write. Any problem stops it before write, so the
 * previous output stays exactly as it was. When nothing the build reads has changed since the
 * last successful build, and the output is as that build left it, nothing is done at all.
 */
public final class SiteBuild {

    private SiteBuild() {
    }

    /** How a command runs a build: {@link SiteBuild#run(BuildOptions, Runnable)}, or a build daemon's {@link KeptBuilds}. */
    @FunctionalInterface
    public interface Runner {
        BuildResult run(BuildOptions options, Runnable whileWaiting);
    }

    /** A build's result, and its session if it was to be kept and the build succeeded (else null: closed). */
    record Run(BuildResult result, BuildSession session) {
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
            return runLocked(options, false).result();
        }
    }

    /** Runs work beside the build on a thread of its own, not taking a worker from the build's pool. */
    static void startThread(Runnable work) {
        Thread thread = new Thread(work, "gazette-beside-build");
        thread.setDaemon(true);
        thread.start();
    }

    /** A build under the site's lock; {@code keepSession}: a session that builds is not closed but returned. */
    static Run runLocked(BuildOptions options, boolean keepSession) {
        return runLocked(options, keepSession, false);
    }

    /**
     * Like {@link #runLocked(BuildOptions, boolean)}; {@code onlyIfUpToDate}: builds only when the
     * last build's output is still exact, and then in a session (a build daemon makes the one it
     * keeps; nothing is written but the caches), else returns no result and no session.
     */
    static Run runLocked(BuildOptions options, boolean keepSession, boolean onlyIfUpToDate) {
        long start = System.nanoTime();
        Path cacheDir = options.source().resolve(BuildSession.CACHE_DIR);
        Path stateFile = cacheDir.resolve(BuildSession.OUTPUT_STATE);
        // The output check (a stat of every file the last build wrote) runs beside the sources' listing.
        CompletableFuture<OutputState> output = CompletableFuture.supplyAsync(
                () -> OutputState.check(stateFile, options.output()));
        UpToDate.Manifest last = UpToDate.read(cacheDir);
        // Without a manifest (a first build, or one after a failed build) nothing can be skipped:
        // the sources are stamped from the build's own listing of content/, the rest beside it.
        // The stamp counts as racy if a file changed after the listing or the rest started, so
        // one the build read before it changed is never taken for unchanged.
        UpToDate.Stamp checked = last != null ? UpToDate.sources(options, Version.build()) : null;
        CompletableFuture<UpToDate.Settings> settings = last == null
                ? CompletableFuture.supplyAsync(() -> UpToDate.settings(options, Version.build()), SiteBuild::startThread)
                : null;
        OutputState state = output.join();
        boolean upToDate = last != null && !checked.racy() && last.sources().equals(checked.hash())
                && (last.validUntil() == null || Instant.now().isBefore(last.validUntil()))
                && state != null && state.complete() && state.size() == last.files();
        if (upToDate && !onlyIfUpToDate) {
            return new Run(nothingChanged(last.articles(), last.files(), Duration.ofNanos(System.nanoTime() - start)),
                    null);
        }
        if (!upToDate && onlyIfUpToDate) {
            return new Run(null, null);
        }
        Duration check = Duration.ofNanos(System.nanoTime() - start);
        UpToDate.forget(cacheDir);
        BuildSession session = new BuildSession(options, true, state);
        BuildResult result = null;
        try {
            result = session.rebuildAll().result();
        } finally {
            if (!keepSession || result == null || !result.ok()) {
                session.close();
            }
        }
        UpToDate.Stamp sources = checked != null ? checked
                : session.contentStamp() == null ? null
                : UpToDate.stamp(BuildSession.joined(settings), session.contentStamp(), session.listedAt());
        if (sources != null) {
            recordSources(cacheDir, sources, result, session.validUntil());
        }
        return new Run(afterCheck(result, check, start), keepSession && result.ok() ? session : null);
    }

    /** The result of a build that found the output exact: {@code files} left as they were. */
    static BuildResult nothingChanged(int articles, int files, Duration check) {
        return new BuildResult(List.of(), articles, new WriteResult(0, files, 0), check, Map.of("check", check));
    }

    /** Lets the next build skip, if {@code result} succeeded and {@code sources} can be trusted later. */
    static void recordSources(Path cacheDir, UpToDate.Stamp sources, BuildResult result, Instant validUntil) {
        if (result.ok() && !sources.racy()) {
            UpToDate.write(cacheDir, new UpToDate.Manifest(sources.hash(), validUntil, result.articles(),
                    result.write().total()));
        }
    }

    /** {@code result} with the check that came before it: a stage of its own, and in the time since {@code start}. */
    static BuildResult afterCheck(BuildResult result, Duration check, long start) {
        Map<String, Duration> stages = new java.util.LinkedHashMap<>();
        stages.put("check", check);
        stages.putAll(result.stages());
        return new BuildResult(result.diagnostics(), result.articles(), result.write(),
                Duration.ofNanos(System.nanoTime() - start), stages);
    }
}
