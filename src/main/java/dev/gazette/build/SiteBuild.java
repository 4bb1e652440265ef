package dev.gazette.build;

import dev.gazette.render.Version;
import dev.gazette.write.WriteResult;
import java.nio.file.Files;
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
        long start = System.nanoTime();
        Path cacheDir = options.source().resolve(BuildSession.CACHE_DIR);
        // The output listing runs beside the sources' on the other core.
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Files.isDirectory(options.output()) ? UpToDate.output(options.output()) : "");
        UpToDate.Stamp sources = UpToDate.sources(options, Version.get());
        UpToDate.Manifest last = UpToDate.read(cacheDir);
        if (last != null && !sources.racy() && last.sources().equals(sources.hash())
                && (last.validUntil() == null || Instant.now().isBefore(last.validUntil()))
                && last.output().equals(output.join())) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new BuildResult(List.of(), last.articles(), new WriteResult(0, last.files(), 0), elapsed,
                    Map.of("check", elapsed));
        }
        UpToDate.forget(cacheDir);
        BuildSession session = new BuildSession(options, true);
        BuildOutcome outcome = session.rebuildAll();
        if (outcome.result().ok() && !sources.racy()) {
            UpToDate.write(cacheDir, new UpToDate.Manifest(sources.hash(), UpToDate.output(options.output()),
                    session.validUntil(), outcome.result().articles(), outcome.files().size()));
        }
        return outcome.result();
    }
}
