package dev.gazette.write;

/** The files a build wrote into the output folder, each with its size and time as written. */
public interface WrittenFiles {

    /** The stamp of the file written at {@code path}; null for one this build did not write. */
    OutputState.Stamp stampOf(String path);
}
