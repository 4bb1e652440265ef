package dev.gazette.parse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
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
public final class ParseCache implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * One file's result.
     *
     * @param textHash SHA-256 of the file's text
     * @param article the parsed article, or null for a draft left out of the build
     * @param links each relative link of the body (and the image) with the URL it resolved to;
     *     the article is reused only while they all still resolve the same way
     */
    record Entry(String textHash, String url, boolean draft, Article article, Map<String, String> links)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String key;
    final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public ParseCache(String key) {
        this.key = key;
    }

    /** Reads a cache written by {@link #save}; an empty cache when there is none, it is unreadable or its key differs. */
    public static ParseCache load(Path file, String key) {
        if (Files.isRegularFile(file)) {
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                Object read = in.readObject();
                if (read instanceof ParseCache cache && cache.key.equals(key)) {
                    return cache;
                }
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // A cache from another version or a torn write: start afresh.
            }
        }
        return new ParseCache(key);
    }

    /** Writes the cache through a temporary file, so a crash never leaves a torn one. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".parse-", ".tmp");
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeObject(this);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
        }
    }
}
