package dev.gazette.build;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build.
 *
 * @param source the site root (holds content/, templates/, gazette.yaml)
 * @param output the output folder, replaced as a whole
 * @param baseUrl overrides the config's baseUrl, or null
 * @param drafts include articles marked as drafts
 * @param now the build time for time-dependent output (the news sitemap), or null to take it
 *     from the config's {@code buildTime} or the clock
 */
public record BuildOptions(Path source, Path output, String baseUrl, boolean drafts, java.time.Instant now) {
    public BuildOptions {
        Objects.requireNonNull(source);
        Objects.requireNonNull(output);
    }

    public BuildOptions(Path source, Path output, String baseUrl, boolean drafts) {
        this(source, output, baseUrl, drafts, null);
    }

    /** The default output folder: {@code <source>/site}. */
    public static Path defaultOutput(Path source) {
        return source.resolve("site");
    }
}
