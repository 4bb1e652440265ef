package dev.gazette.build;

import dev.gazette.render.OutputFile;
import java.util.List;

/**
 * A build's result together with the site it produced.
 *
 * @param files every output file of the site now written, or null when the build failed and the
 *     previous site stays
 */
public record BuildOutcome(BuildResult result, List<OutputFile> files) {
    public BuildOutcome {
        files = files == null ? null : List.copyOf(files);
    }
}
