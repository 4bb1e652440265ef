package dev.gazette.write;

import dev.gazette.load.FileStamp;
import dev.gazette.render.OutputFile;

/**
 * Files a build writes as they are rendered, taken into the output folder only once the build
 * has succeeded ({@link Staging}, {@link PageUpdates}); each is known with its size and time as
 * written.
 */
public interface WrittenFiles {

    /** Writes a rendered file now and returns a stand-in without its bytes. Thread-safe. */
    OutputFile add(OutputFile file);

    /** Deletes what was written; the output folder stays as it was. */
    void abort();

    /** The stamp of the file written at {@code path}; null for one this build did not write. */
    FileStamp stampOf(String path);
}
