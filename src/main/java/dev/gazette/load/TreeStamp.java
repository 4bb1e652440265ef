package dev.gazette.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What a folder's files are, without reading one: order-independent sums of two 64-bit hashes of
 * each file's path (from the folder), size and modification time, their count, and the newest
 * time of a file or folder in it. Sums of parts walked on different cores add up, and a change
 * goes unnoticed only if both sums collide. Filled by a walk of {@link ContentLoader}, which
 * leaves out hidden files and folders as the build does.
 */
public final class TreeStamp {

    private boolean exists = true;
    private long first;
    private long second;
    private long files;
    private long newestNanos;

    /** The stamp of a folder that is not there. */
    static TreeStamp none() {
        TreeStamp stamp = new TreeStamp();
        stamp.noFolder();
        return stamp;
    }

    /** Makes this the stamp of a folder that is not there. */
    void noFolder() {
        exists = false;
    }

    /** A folder's own time counts: files moved in or out keep theirs, only the folder records the move. */
    void folder(BasicFileAttributes attributes) {
        newestNanos = Math.max(newestNanos, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** A link counts with its target's path, size and time. */
    void file(String relativePath, Path file, BasicFileAttributes attributes) {
        long nanos = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        newestNanos = Math.max(newestNanos, nanos);
        long size = attributes.size();
        int name = relativePath.hashCode();
        if (attributes.isSymbolicLink()) {
            try {
                name = name * 31 + Files.readSymbolicLink(file).toString().hashCode();
                size = size * 31 + Files.size(file);
                nanos = nanos * 31 + Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            } catch (IOException e) {
                size = -1;
            }
        }
        first += mix(mix(name) + size * 0x9E3779B97F4A7C15L + nanos);
        second += mix(nanos ^ mix(size + 0x632BE59BD9B4E019L * name));
        files++;
    }

    void add(TreeStamp part) {
        first += part.first;
        second += part.second;
        files += part.files;
        newestNanos = Math.max(newestNanos, part.newestNanos);
    }

    /** The sums as one line of text, the same for the same files in any order. */
    public String line() {
        return exists ? first + " " + second + " " + files : "-none-";
    }

    /** The newest modification time of a file or folder in it (the epoch for none). */
    public Instant newest() {
        return Instant.EPOCH.plusNanos(newestNanos);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
