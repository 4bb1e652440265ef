package dev.gazette.build;

import dev.gazette.diag.Diagnostic;
import dev.gazette.write.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a build.
 *
 * @param diagnostics every problem found, sorted; when non-empty nothing was written
 * @param articles articles read and published
 * @param write what was written, or null when the build stopped before writing
 * @param elapsed wall time of the whole build
 * @param stages wall time of each stage that ran, in pipeline order
 */
public record BuildResult(List<Diagnostic> diagnostics, int articles, WriteResult write, Duration elapsed,
        Map<String, Duration> stages) {
    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
        stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
