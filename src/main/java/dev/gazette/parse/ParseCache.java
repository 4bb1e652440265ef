package dev.gazette.parse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the parser made of each file, by content hash, so an unchanged article is never parsed
 * again: in memory across the preview server's rebuilds, and on disk between {@code gazette build}
 * runs. The key covers everything else a parse depends on (Gazette's version, the config, the
 * drafts option); a cache with another key is ignored.
 */
public final class ParseCache {

    /**
     * One file's result.
     *
     * @param textHash SHA-256 of the file's text
     * @param article the parsed article, or null for a draft left out of the build
     * @param links each relative link of the body (and the image) with the URL it resolved to;
     *     the article is reused only while they all still resolve the same way
     */
    record Entry(String textHash, String url, boolean draft, Article article, Map<String, String> links) {
    }

    private final String key;
    final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public ParseCache(String key) {
        this.key = key;
    }

    /** Reads a cache written by {@link #save}; an empty cache when there is none, it is unreadable or its key differs. */
    public static ParseCache load(Path file, String key) {
        ParseCache cache = new ParseCache(key);
        if (Files.isRegularFile(file)) {
            try {
                Map<String, Entry> entries = ParseCacheFile.read(Files.readAllBytes(file), key, bodiesOf(file));
                if (entries != null) {
                    cache.entries.putAll(entries);
                }
            } catch (IOException | RuntimeException e) {
                // A cache from another version or a torn write: start afresh.
                cache.entries.clear();
            }
        }
        return cache;
    }

    /** The file beside {@code file} that holds the rendered bodies. */
    private static Path bodiesOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bodies");
    }

    /**
     * Writes the cache through temporary files, so a crash never leaves a torn one: the entries
     * and the bodies carry one random stamp, and a pair that does not match is not used.
     */
    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".parse-", ".tmp");
            Path bodiesTemp = Files.createTempFile(file.getParent(), ".bodies-", ".tmp");
            try {
                long stamp = java.util.concurrent.ThreadLocalRandom.current().nextLong() ^ System.nanoTime();
                try (OutputStream out = Files.newOutputStream(temp); OutputStream bodies = Files.newOutputStream(bodiesTemp)) {
                    ParseCacheFile.write(this, key, stamp, out, bodies);
                }
                Files.move(bodiesTemp, bodiesOf(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(bodiesTemp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
        }
    }
}
