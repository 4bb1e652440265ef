package dev.gazette.build;

import dev.gazette.diag.Diagnostic;
import dev.gazette.write.WriteResult;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a build.
 *
 * @param diagnostics every problem found, sorted; when non-empty nothing was written
 * @param articles articles read and published
 * @param write what was written, or null when the build stopped before writing
 * @param elapsed wall time of the whole build
 */
public record BuildResult(List<Diagnostic> diagnostics, int articles, WriteResult write, Duration elapsed) {
    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
