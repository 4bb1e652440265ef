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
 */
public record BuildOptions(Path source, Path output, String baseUrl, boolean drafts) {
    public BuildOptions {
        Objects.requireNonNull(source);
        Objects.requireNonNull(output);
    }

    /** The default output folder: {@code <source>/site}. */
    public static Path defaultOutput(Path source) {
        return source.resolve("site");
    }
}
