package dev.gazette.write;

import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Writes the output folder all at once: the new site is assembled in a folder next to it and
 * then swapped in, so a failed or interrupted build never leaves a half-written site. Files whose
 * bytes did not change are hard-linked from the previous output, keeping their modification time
 * for rsync and CDN uploads.
 */
public final class SiteWriter {

    private SiteWriter() {
    }

    /**
     * Replaces {@code outputDir} with exactly {@code files}. When only a few files differ from what
     * the folder holds (an edit, a new article), they are replaced one by one, each atomically,
     * and nothing else is touched; otherwise the whole new site is assembled beside the folder and
     * swapped in.
     */
    public static WriteResult write(List<OutputFile> files, Path outputDir) {
        return write(files, outputDir, null);
    }

    /**
     * As {@link #write(List, Path)}, knowing what the last build left in the folder ({@code state},
     * or null to list the folder): files to remove are the recorded ones the new site no longer
     * has, and the folder is not walked. A file someone else put there stays until the next full write.
     */
    public static WriteResult write(List<OutputFile> files, Path outputDir, OutputState state) {
        Path output = outputDir.toAbsolutePath().normalize();
        removeLeftovers(output);
        Set<String> paths = new HashSet<>();
        for (OutputFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalStateException("two output files at " + file.path());
            }
        }
        if (Files.isDirectory(output)) {
            List<OutputFile> changed = files.parallelStream()
                    .filter(file -> !unchanged(file, OutputPaths.resolveInside(output, file.path())))
                    .toList();
            List<String> removed = state != null ? removedPaths(state, paths) : removedPaths(output, paths);
            if (changed.size() + removed.size() <= Math.max(SMALL_CHANGE, files.size() / 20) || !canSwap(output)) {
                replaceInPlace(changed, removed, output);
                return new WriteResult(changed.size(), files.size() - changed.size(), removed.size());
            }
        }
        return writeStaged(files, output, paths, state);
    }

    /**
     * Whether a new site can be swapped in for {@code outputDir} by renaming folders: not when it
     * is a symbolic link (the link would be replaced, and the folder it leads to, a web root say,
     * never updated) nor a mount point (which cannot be renamed). Such a folder is written file
     * by file, each file replaced atomically.
     */
    public static boolean canSwap(Path outputDir) {
        Path output = outputDir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(output)) {
            return false;
        }
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) || output.getParent() == null) {
            return true;
        }
        try {
            return Files.getFileStore(output).equals(Files.getFileStore(output.getParent()));
        } catch (IOException e) {
            return true;
        }
    }

    /** Changes up to this many files in place however small the site. */
    private static final int SMALL_CHANGE = 200;

    static boolean unchanged(OutputFile file, Path previous) {
        try {
            return previous.equals(file.copyFrom())
                    || Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) && sameContent(file, previous);
        } catch (IOException e) {
            return false;
        }
    }

    private static void replaceInPlace(List<OutputFile> changed, List<String> removed, Path output) {
        changed.parallelStream().forEach(file -> replaceOne(file, OutputPaths.resolveInside(output, file.path())));
        for (String path : removed) {
            Path target = OutputPaths.resolveInside(output, path);
            try {
                Files.deleteIfExists(target);
                removeEmptyParents(target.getParent(), output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + target, e);
            }
        }
    }

    /** Writes one file through a temporary file and a rename, so no reader sees it half-written. */
    static void replaceOne(OutputFile file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".gazette-", ".tmp");
            try {
                if (file.bytes() != null) {
                    writeWhole(temp, file.bytes());
                } else {
                    Files.copy(file.copyFrom(), temp, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The recorded files of the last build that are not {@code kept}, sorted. */
    static List<String> removedPaths(OutputState state, Set<String> kept) {
        return state.recordedPaths().stream().filter(p -> !kept.contains(p)).sorted().toList();
    }

    static List<String> removedPaths(Path output, Set<String> kept) {
        // A walk does not follow the link it starts at: a linked output folder is walked where it leads.
        Path root;
        try {
            root = Files.isSymbolicLink(output) ? output.toRealPath() : output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output, e);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !kept.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output, e);
        }
    }

    private static WriteResult writeStaged(List<OutputFile> files, Path output, Set<String> paths, OutputState state) {
        try {
            Path staging = newFolderNextTo(output);
            Folders folders = new Folders(staging);
            AtomicInteger written = new AtomicInteger();
            AtomicInteger unchanged = new AtomicInteger();
            try {
                boolean hadOutput = Files.isDirectory(output);
                files.parallelStream().forEach(file -> {
                    Path target = OutputPaths.resolveInside(staging, file.path());
                    Path previous = hadOutput ? OutputPaths.resolveInside(output, file.path()) : null;
                    if (writeOne(file, target, previous, folders)) {
                        written.incrementAndGet();
                    } else {
                        unchanged.incrementAndGet();
                    }
                });
                int removed = !hadOutput ? 0 : state != null ? removedPaths(state, paths).size()
                        : removedPaths(output, paths).size();
                swap(staging, output);
                return new WriteResult(written.get(), unchanged.get(), removed);
            } catch (RuntimeException | Error e) {
                deleteTree(staging);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }

    /**
     * Brings {@code outputDir}, which holds exactly {@code previous} (Gazette wrote it), up to
     * {@code files}: changed files are replaced one by one (each through a temporary file and a
     * rename, so no file is ever half-written), removed ones deleted, the rest left alone. Used by
     * the preview server, which serves from memory and so never shows the folder mid-update.
     */
    public static WriteResult update(List<OutputFile> previous, List<OutputFile> files, Path outputDir) {
        Path output = outputDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(output)) {
            return write(files, outputDir);
        }
        // On a large site this runs on every save in the preview, so it stays sequential and
        // allocation-light; only the few changed files are written. Usually the paths are those of
        // the previous build, in the same order: files are then compared pairwise and none was removed.
        List<OutputFile> changed = new java.util.ArrayList<>();
        java.util.Map<String, OutputFile> before = java.util.Map.of();
        if (OutputFile.samePaths(previous, files)) {
            for (int i = 0; i < files.size(); i++) {
                if (differs(previous.get(i), files.get(i))) {
                    changed.add(files.get(i));
                }
            }
        } else {
            // One pass over the map of the previous files: what is left in it afterwards was removed.
            before = new java.util.HashMap<>(previous.size() * 2);
            for (OutputFile f : previous) {
                before.put(f.path(), f);
            }
            for (OutputFile file : files) {
                if (differs(before.remove(file.path()), file)) {
                    changed.add(file);
                }
            }
        }
        // A stand-in for the file already at its path (the preview's pages, put there as they were
        // rendered) has nothing left to write.
        changed.removeIf(file -> file.bytes() == null && OutputPaths.resolveInside(output, file.path()).equals(file.copyFrom()));
        changed.parallelStream().forEach(file -> replaceOne(file, OutputPaths.resolveInside(output, file.path())));
        int removed = 0;
        for (String path : before.keySet()) {
            Path target = OutputPaths.resolveInside(output, path);
            try {
                if (Files.deleteIfExists(target)) {
                    removed++;
                }
                removeEmptyParents(target.getParent(), output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + target, e);
            }
        }
        return new WriteResult(changed.size(), files.size() - changed.size(), removed);
    }

    /** Whether {@code file} must be written over {@code old} (null: there was none). */
    private static boolean differs(OutputFile old, OutputFile file) {
        return old != file && (old == null || old.bytes() == null || !Arrays.equals(old.bytes(), file.bytes()));
    }

    private static void removeEmptyParents(Path dir, Path output) throws IOException {
        for (Path d = dir; d != null && d.startsWith(output) && !d.equals(output); d = d.getParent()) {
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                return; // already gone (someone else tidied the folder)
            }
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }

    /** Writes one file; returns false when the previous output's identical file was reused. */
    static boolean writeOne(OutputFile file, Path target, Path previous, Folders folders) {
        try {
            folders.ensure(target.getParent());
            boolean reused = previous != null && previous.equals(file.copyFrom());
            if (reused || previous != null && Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS)
                    && sameContent(file, previous)) {
                try {
                    Files.createLink(target, previous);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return false;
            }
            if (file.bytes() != null) {
                writeWhole(target, file.bytes());
            } else {
                Files.copy(file.copyFrom(), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Writes {@code bytes} to {@code file} in one system call where the system takes them at once.
     * {@code Files.write} hands them over 8 KiB at a time: most pages are larger, and a cold build
     * of 10,000 articles made 32,000 calls for 17,000 files.
     */
    static void writeWhole(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static boolean sameContent(OutputFile file, Path previous) throws IOException {
        long size = Files.size(previous);
        if (file.bytes() != null) {
            return size == file.bytes().length && Arrays.equals(Files.readAllBytes(previous), file.bytes());
        }
        return size == Files.size(file.copyFrom()) && Files.mismatch(previous, file.copyFrom()) == -1;
    }

    /** Moves the new folder into place; the old one is renamed away first and deleted last. */
    static void swap(Path staging, Path output) throws IOException {
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            move(staging, output);
            return;
        }
        Path old = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".old-");
        Files.delete(old);
        move(output, old);
        try {
            move(staging, output);
        } catch (IOException e) {
            move(old, output);
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    /**
     * A new, empty, hidden folder next to {@code output} (absolute), for a site or pages on their
     * way into it: {@code .site.new-<digits>}, as {@link #removeLeftovers} recognises it.
     */
    static Path newFolderNextTo(Path output) throws IOException {
        Files.createDirectories(output.getParent());
        return Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".new-");
    }

    /**
     * Deletes what an interrupted build left next to {@code outputDir}: a new site it was
     * assembling ({@code .site.new-<digits>}) or the previous one it was deleting
     * ({@code .site.old-<digits>}), names Gazette gives only these folders. A build stopped with
     * Ctrl-C while rendering 100,000 articles left 1.4 GB there, hidden, for good. Called by every
     * write of a whole site ({@link #write}, {@link Staging#begin}), which runs under the site's
     * build lock: a running build's folders have the same names. Not by the preview's updates
     * after a save, which come after such a write.
     */
    static void removeLeftovers(Path outputDir) {
        Path output = outputDir.toAbsolutePath().normalize();
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        java.util.regex.Pattern leftover = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote("." + output.getFileName() + ".") + "(new|old)-[0-9]+");
        List<Path> found;
        try (Stream<Path> entries = Files.list(parent)) {
            found = entries.filter(p -> leftover.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException e) {
            return; // nothing to tidy that can be seen
        }
        for (Path dir : found) {
            try {
                deleteTree(dir);
            } catch (UncheckedIOException e) {
                // Left for the next build to try again: it stops nothing this build writes.
            }
        }
    }

    /** Deletes a folder Gazette created; links inside are removed, never followed. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
