package dev.gazette.render;

import java.util.List;
import java.util.function.Supplier;

/**
 * Output files made from inputs summed up by one key (the feeds, the sitemaps): when the last build
 * made the same files from the same key and they are still intact, they are taken from its output
 * instead of being made again.
 */
interface KeyedFiles {

    /** The files at {@code paths} from the last build if it made them from {@code key}, else {@code make}'s. */
    List<OutputFile> reuseOrMake(List<String> paths, String key, Supplier<List<OutputFile>> make);
}
