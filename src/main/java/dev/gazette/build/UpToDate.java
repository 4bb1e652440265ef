package dev.gazette.build;

import dev.gazette.cache.CacheFiles;
import dev.gazette.cache.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

/**
 * Tells whether the last build's output is still exact, without reading a single article: the
 * sources (every file's path, size and modification time under content/ and templates/, and the
 * config's bytes), the options and Gazette's version must all be as the last successful build
 * found them, every file it wrote must still be as it left it (see {@code OutputState}), and the
 * news sitemap must not have changed with the clock since (an article entering or leaving its 48
 * hours).
 */
final class UpToDate {

    private static final String FILE = "manifest";
    private static final String FORMAT = "gazette-manifest-2";

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
     * folder counts for the files moved into it or out of it, which keep their own old times: when
     * the stamp is taken beside a build's own listing of the sources (a build without a manifest),
     * such a file could be in one and not in the other.
     */
    record Stamp(String hash, boolean racy) {
    }

    /** Hash of everything the build reads, taken before it reads it. */
    static Stamp sources(BuildOptions options, String version) {
        Instant started = Instant.now();
        Instant[] newest = {Instant.EPOCH};
        StringBuilder all = new StringBuilder(64 * 1024).append(version).append('\n')
                .append(options.output().toAbsolutePath().normalize()).append('\n')
                .append(options.baseUrl()).append('\n').append(options.drafts()).append('\n')
                .append(options.now()).append('\n');
        Path config = options.source().resolve("gazette.yaml");
        try {
            if (Files.isRegularFile(config)) {
                all.append(Hashes.sha256(Files.readString(config, StandardCharsets.ISO_8859_1))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        newest[0] = max(newest[0], listing(options.source().resolve("content"), all));
        newest[0] = max(newest[0], listing(options.source().resolve("templates"), all));
        try {
            if (Files.isRegularFile(config)) {
                newest[0] = max(newest[0], Files.getLastModifiedTime(config).toInstant());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        return new Stamp(Hashes.sha256(all.toString()), newest[0].isAfter(started.minusSeconds(2)));
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

    /** Appends a digest of every file under {@code dir} with its size and time; returns the newest time. */
    private static Instant listing(Path dir, StringBuilder out) {
        if (!Files.isDirectory(dir)) {
            out.append("-none-\n");
            return Instant.EPOCH;
        }
        // Order-independent sums of two 64-bit hashes of each file's path, size and time: no
        // sorting of large trees, a change goes unnoticed only if both sums collide, and the
        // top-level folders can be walked in parallel.
        long[] sums = new long[3];
        long[] newest = {modifiedNanos(dir)};
        List<Path> roots;
        try (java.util.stream.Stream<Path> top = Files.list(dir)) {
            roots = top.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        roots.parallelStream().map(UpToDate::sums).forEach(part -> {
            synchronized (sums) {
                sums[0] += part[0];
                sums[1] += part[1];
                sums[2] += part[2];
                newest[0] = Math.max(newest[0], part[3]);
            }
        });
        out.append(sums[0]).append(' ').append(sums[1]).append(' ').append(sums[2]).append('\n');
        return Instant.EPOCH.plusNanos(newest[0]);
    }

    private static long modifiedNanos(Path path) {
        try {
            return Files.getLastModifiedTime(path).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Hash sums, file count and newest time (nanoseconds, files and folders) of one file or folder tree. */
    private static long[] sums(Path root) {
        long[] part = new long[4];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attrs) {
                    part[3] = Math.max(part[3], attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    long nanos = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                    part[3] = Math.max(part[3], nanos);
                    long size = attrs.size();
                    int name = file.toString().hashCode();
                    if (attrs.isSymbolicLink()) {
                        try {
                            name = name * 31 + Files.readSymbolicLink(file).toString().hashCode();
                            size = size * 31 + Files.size(file);
                            nanos = nanos * 31 + Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS);
                        } catch (IOException e) {
                            size = -1;
                        }
                    }
                    part[0] += mix(mix(name) + size * 0x9E3779B97F4A7C15L + nanos);
                    part[1] += mix(nanos ^ mix(size + 0x632BE59BD9B4E019L * name));
                    part[2]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return part;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

}
