package dev.gazette.write;

import dev.gazette.load.FileStamp;
import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new site assembled beside the output folder while pages are still being rendered, so a large
 * build never holds every page in memory: each page goes to disk as soon as it is rendered.
 * {@link #commit} swaps it in; {@link #abort} deletes it and leaves the output folder alone.
 */
public final class Staging implements WrittenFiles {

    private final Path output;
    private final Path dir;
    private final boolean hadOutput;
    private final Set<String> staged;
    /** The size and time of each file written here, taken as it was written (see {@link #stampOf}). */
    private final Map<String, FileStamp> stamps;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final Folders folders;

    private Staging(Path output, Path dir, int expectedFiles) {
        this.output = output;
        this.dir = dir;
        // Sized up front: grown from empty, the two maps were copied a dozen times over in a large
        // build, on the threads that render.
        this.staged = ConcurrentHashMap.newKeySet(expectedFiles);
        this.stamps = new ConcurrentHashMap<>(expectedFiles);
        this.folders = new Folders(dir);
        this.hadOutput = Files.isDirectory(output);
    }

    /**
     * Starts a new site for {@code outputDir} in a hidden folder next to it, first removing what an
     * interrupted build left there ({@link SiteWriter#removeLeftovers}), for about
     * {@code expectedFiles} files. Called under the site's build lock, as every write is.
     */
    public static Staging begin(Path outputDir, int expectedFiles) {
        Path output = outputDir.toAbsolutePath().normalize();
        try {
            SiteWriter.removeLeftovers(output);
            return new Staging(output, SiteWriter.newFolderNextTo(output), expectedFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write next to " + output, e);
        }
    }

    /**
     * Writes a rendered file into the new site now and returns a stand-in without its bytes, which
     * the final {@link #commit} recognises. Thread-safe. A second file at the same path is not
     * written (the build reports the collision and aborts).
     */
    @Override
    public OutputFile add(OutputFile file) {
        Path target = OutputPaths.resolveInside(dir, file.path());
        if (!staged.add(file.path())) {
            return file;
        }
        write(file, target);
        return new OutputFile(file.path(), null, target, file.origin(), file.originLine());
    }

    /** Writes the remaining files and swaps the new site in. */
    public WriteResult commit(List<OutputFile> files) {
        return commit(files, null);
    }

    /** As {@link #commit(List)}, counting removed files from {@code state} (null: by listing the folder). */
    public WriteResult commit(List<OutputFile> files, OutputState state) {
        Set<String> paths = new HashSet<>();
        try {
            files.parallelStream().forEach(file -> {
                Path target = OutputPaths.resolveInside(dir, file.path());
                if (target.equals(file.copyFrom())) {
                    return;
                }
                write(file, target);
            });
            files.forEach(f -> paths.add(f.path()));
            int removed = !hadOutput ? 0 : state != null ? SiteWriter.removedPaths(state, paths).size()
                    : SiteWriter.removedPaths(output, paths).size();
            SiteWriter.swap(dir, output);
            return new WriteResult(written.get(), unchanged.get(), removed);
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write " + output, e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
    }

    /** Writes {@code file} at {@code target} in the new site, counting it and taking its stamp. */
    private void write(OutputFile file, Path target) {
        boolean changed = SiteWriter.writeOne(file, target,
                hadOutput ? OutputPaths.resolveInside(output, file.path()) : null, folders);
        (changed ? written : unchanged).incrementAndGet();
        FileStamp stamp = OutputState.stamp(target);
        if (stamp != null) {
            stamps.put(file.path(), stamp);
        }
    }

    /**
     * The size and time of the file this new site has at {@code path}, as written; null for one it
     * did not write. The same once the site is swapped in: moving a folder changes neither.
     */
    @Override
    public FileStamp stampOf(String path) {
        return stamps.get(path);
    }

    /** Deletes the new site; the output folder stays as it was. */
    @Override
    public void abort() {
        SiteWriter.deleteTree(dir);
    }
}
