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
     * @param textHash {@link dev.gazette.cache.Hashes#content} of the file's bytes
     * @param article the parsed article, or null for a draft left out of the build
     * @param links each relative link of the body (and the image) with the URL it resolved to;
     *     the article is reused only while they all still resolve the same way
     */
    record Entry(String textHash, String url, boolean draft, Article article, Map<String, String> links) {
    }

    private final String key;
    final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The bodies of the loaded cache, read on demand. */
    private BodyStore loaded;
    /**
     * Where new bodies go as they are parsed (see {@link #keepBodiesIn}); becomes the saved body
     * file. Not private: a test checks where the preview's bodies are.
     */
    BodyStore fresh;

    public ParseCache(String key) {
        this.key = key;
    }

    /** Reads a cache written by {@link #save}; an empty cache when there is none, it is unreadable or its key differs. */
    public static ParseCache load(Path file, String key) {
        ParseCache cache = new ParseCache(key);
        if (Files.isRegularFile(file)) {
            try {
                Map<String, Entry> entries = ParseCacheFile.read(Files.readAllBytes(file), key,
                        stamp -> cache.loaded = BodyStore.open(bodiesOf(file), stamp));
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

    /**
     * Like {@link #load}, with every body copied to a body file of this cache's own in {@code dir}
     * (see {@link #keepBodiesIn}), and the loaded file closed at once: the preview keeps its cache
     * for hours, during which a {@code gazette build} may replace that file (and on some systems
     * could not while it is open), and a large archive's bodies do not fit in its memory (650 MB
     * for 100,000 articles). Empty if a body cannot be read.
     */
    public static ParseCache loadPrivately(Path file, String key, Path dir) {
        ParseCache cache = load(file, key);
        cache.keepBodiesIn(dir);
        if (cache.fresh != null) {
            // Never saved: a preview stopped with Ctrl-C, or killed, must not leave it behind.
            cache.fresh.unlink();
        }
        if (cache.loaded != null) {
            try {
                cache.entries.replaceAll((path, e) -> e.article() == null ? e : new Entry(e.textHash(), e.url(),
                        e.draft(), e.article().withBody(cache.copied(e.article().body())), e.links()));
            } catch (RuntimeException e) {
                cache.entries.clear();
            } finally {
                cache.loaded.close();
                cache.loaded = null;
            }
        }
        return cache;
    }

    /** {@code body} in this cache's own body file (in memory if it has none). */
    private Body copied(Body body) {
        if (fresh == null) {
            return Body.of(body.html());
        }
        byte[] bytes = body.utf8();
        return Body.stored(fresh, fresh.append(bytes), bytes.length);
    }

    /** The hash of the text the cached parse of {@code path} was made from, or null. */
    public String hashOf(String path) {
        Entry entry = entries.get(path);
        return entry == null ? null : entry.textHash();
    }

    /**
     * From now on, bodies of newly parsed articles are written to a new body file in {@code dir}
     * at once rather than kept in memory; {@link #save} keeps that file, {@link #close} deletes it
     * if it was not saved.
     */
    public void keepBodiesIn(Path dir) {
        try {
            Files.createDirectories(dir);
            fresh = BodyStore.create(Files.createTempFile(dir, ".bodies-", ".tmp"));
        } catch (IOException e) {
            // A read-only cache folder: bodies stay in memory, as in the preview.
            fresh = null;
        }
    }

    /** The body for freshly rendered {@code html}: stored away when a body file was set up, else in memory. */
    Body body(String html) {
        if (fresh == null) {
            return Body.of(html);
        }
        byte[] bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Body.stored(fresh, fresh.append(bytes), bytes.length);
    }

    /** The file beside the cache {@code file} that holds the rendered bodies. */
    public static Path bodiesOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bodies");
    }

    /**
     * Writes the cache through temporary files, so a crash never leaves a torn one: the entries
     * and the bodies carry one random stamp, and a pair that does not match is not used.
     */
    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (fresh == null) {
                fresh = BodyStore.create(Files.createTempFile(file.getParent(), ".bodies-", ".tmp"));
            }
            Path temp = Files.createTempFile(file.getParent(), ".parse-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    ParseCacheFile.write(this, key, out, fresh);
                }
                // Bodies first: entries pointing into a body file that is not there yet are never read.
                Files.move(fresh.file(), bodiesOf(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
        }
    }

    /**
     * Releases the body files; a new one that was not saved is deleted. Bodies still held by
     * articles cannot be read after this.
     */
    public void close() {
        if (loaded != null) {
            loaded.close();
        }
        if (fresh != null) {
            if (Files.exists(fresh.file())) {
                fresh.discard();
            } else {
                fresh.close();
            }
        }
    }
}
