package dev.gazette.build;

import dev.gazette.cache.CacheFiles;
import dev.gazette.cache.Hashes;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.TreeStamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Tells whether the last build's output is still exact, without reading a single article: the
 * sources (every file's path, size and modification time under content/ and templates/, hidden
 * ones aside as the build leaves them aside, and the config's bytes), the options and Gazette's
 * version must all be as the last successful build found them, every file it wrote must still be
 * as it left it (see {@code OutputState}), and the news sitemap must not have changed with the
 * clock since (an article entering or leaving its 48 hours).
 */
final class UpToDate {

    private static final String FILE = "manifest";
    private static final String FORMAT = "gazette-manifest-3";

    /**
     * What a successful build leaves behind.
     *
     * @param sources hash of the sources and options before the build (never a racy one)
     * @param validUntil the first moment the output depends on the clock again, or null
     */
    record Manifest(String sources, Instant validUntil, int articles, int files) {
    }

    private UpToDate() {
    }

    /**
     * A hash of the sources. {@code racy} is true when a file or folder changed within two seconds
     * before the stamp was started, or since: a second edit in the same clock tick could keep size
     * and time, so such a stamp is never trusted later (the same rule git uses for its index). A
     * folder counts for the files moved into it or out of it, which keep their own old times.
     */
    record Stamp(String hash, boolean racy) {
    }

    /**
     * Everything of the stamp but {@code content/}: the options, Gazette's version, the config's
     * bytes and {@code templates/}, and when they were taken.
     */
    record Settings(String text, Instant newest, Instant started) {
        /** Whether something in them changed too shortly before they were taken to be trusted later. */
        boolean racy() {
            return newest.isAfter(started.minusSeconds(2));
        }
    }

    /** Hash of everything the build reads, taken before it reads it. */
    static Stamp sources(BuildOptions options, String version) {
        Settings settings = settings(options, version);
        return stamp(settings, ContentLoader.stamp(options.source().resolve(ContentLoader.CONTENT_DIR)),
                settings.started());
    }

    /**
     * The stamp of {@code settings} and of {@code content/} as {@code content} saw it when a walk
     * started at {@code contentStarted}: that of {@link #sources} when nothing changed. A build
     * without a manifest takes its own listing of {@code content/} for it, rather than walk the
     * sources a second time beside it (a fifth of a second of CPU in the first quarter second of
     * a cold build of 10,000 articles).
     */
    static Stamp stamp(Settings settings, TreeStamp content, Instant contentStarted) {
        Instant started = settings.started().isBefore(contentStarted) ? settings.started() : contentStarted;
        Instant newest = max(settings.newest(), content.newest());
        String all = settings.text() + "content " + content.line() + '\n';
        return new Stamp(Hashes.sha256(all), newest.isAfter(started.minusSeconds(2)));
    }

    /** The part of the stamp that is not {@code content/}, taken now. */
    static Settings settings(BuildOptions options, String version) {
        Instant started = Instant.now();
        StringBuilder all = new StringBuilder(1024).append(version).append('\n')
                .append(options.output().toAbsolutePath().normalize()).append('\n')
                .append(options.baseUrl()).append('\n').append(options.drafts()).append('\n')
                .append(options.now()).append('\n');
        Path config = options.source().resolve("gazette.yaml");
        Instant newest = Instant.EPOCH;
        try {
            if (Files.isRegularFile(config)) {
                all.append(Hashes.sha256(Files.readString(config, StandardCharsets.ISO_8859_1))).append('\n');
                newest = Files.getLastModifiedTime(config).toInstant();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        TreeStamp templates = ContentLoader.stamp(options.source().resolve("templates"));
        all.append("templates ").append(templates.line()).append('\n');
        return new Settings(all.toString(), max(newest, templates.newest()), started);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Manifest read(Path cacheDir) {
        return CacheFiles.read(cacheDir.resolve(FILE), FORMAT, in -> {
            String sources = in.readUTF();
            String validUntil = in.readUTF();
            return new Manifest(sources, validUntil.isEmpty() ? null : Instant.parse(validUntil), in.readInt(),
                    in.readInt());
        });
    }

    static void write(Path cacheDir, Manifest manifest) {
        try {
            CacheFiles.write(cacheDir.resolve(FILE), FORMAT, out -> {
                out.writeUTF(manifest.sources());
                out.writeUTF(manifest.validUntil() == null ? "" : manifest.validUntil().toString());
                out.writeInt(manifest.articles());
                out.writeInt(manifest.files());
            });
        } catch (UncheckedIOException e) {
            // Without a manifest the next build simply does the work.
        }
    }

    /** Deletes the manifest, so that the next build cannot skip: done before every real build. */
    static void forget(Path cacheDir) {
        try {
            Files.deleteIfExists(cacheDir.resolve(FILE));
        } catch (IOException e) {
            // A read-only site folder has no manifest we could have written either.
        }
    }
}
