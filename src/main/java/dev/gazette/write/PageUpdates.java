package dev.gazette.write;

import dev.gazette.load.FileStamp;
import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview's pages on their way into the output folder. Each page is written beside the folder
 * as soon as it is rendered, and the preview keeps only a stand-in that names the file it will
 * replace: the pages of a 100,000-article archive are 2.5 GB, more than the preview's heap, and a
 * template edit renders them all. {@link #commit} moves them into place once the build has
 * succeeded, each with one rename (see {@link #moveInto}); {@link #abort} leaves the folder as it was.
 */
public final class PageUpdates implements WrittenFiles {

    private final Path output;
    private final Path dir;
    private final Folders folders;
    private final Map<String, Path> staged = new ConcurrentHashMap<>();
    /** The size and time of each page moved in, taken once it was in place. */
    private final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();

    private PageUpdates(Path output, Path dir) {
        this.output = output;
        this.dir = dir;
        this.folders = new Folders(dir);
    }

    /**
     * Starts a set of updates for {@code outputDir} in a hidden folder next to it
     * ({@link SiteWriter#newFolderNextTo}), so that one an interrupted preview leaves behind is
     * removed by the next build.
     */
    public static PageUpdates begin(Path outputDir) {
        Path output = outputDir.toAbsolutePath().normalize();
        try {
            return new PageUpdates(output, SiteWriter.newFolderNextTo(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write next to " + output, e);
        }
    }

    /**
     * Stages a rendered page unless the output folder already holds exactly its bytes, and returns
     * a stand-in without bytes that names the page's file in the output folder. Thread-safe. A
     * second page at the same path is not staged (the build reports the collision and aborts).
     */
    @Override
    public OutputFile add(OutputFile page) {
        Path target = OutputPaths.resolveInside(output, page.path());
        OutputFile standIn = new OutputFile(page.path(), null, target, page.origin(), page.originLine());
        if (SiteWriter.unchanged(page, target)) {
            return standIn;
        }
        Path temp = OutputPaths.resolveInside(dir, page.path());
        if (staged.putIfAbsent(page.path(), temp) != null) {
            return page;
        }
        try {
            folders.ensure(temp.getParent());
            SiteWriter.writeWhole(temp, page.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        return standIn;
    }

    /**
     * Moves the staged pages into the output folder; returns how many there were. Without an
     * output folder yet (the preview of a site never built), the staged folder becomes it, in one
     * rename rather than one per page (a tenth of the preview's first build on 10,000 articles).
     */
    public int commit() {
        try {
            if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(dir, output, StandardCopyOption.ATOMIC_MOVE);
                return staged.size();
            }
            Files.createDirectories(output);
            Folders made = new Folders(output);
            staged.entrySet().parallelStream().forEach(e -> {
                Path target = OutputPaths.resolveInside(output, e.getKey());
                try {
                    made.ensure(target.getParent());
                    moveInto(e.getKey(), e.getValue(), target);
                    FileStamp stamp = OutputState.stamp(target);
                    if (stamp != null) {
                        stamps.put(e.getKey(), stamp);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write " + target, ex);
                }
            });
            return staged.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        } finally {
            abort();
        }
    }

    @Override
    public FileStamp stampOf(String path) {
        return stamps.get(path);
    }

    /**
     * Replaces {@code target} with {@code staged} in one rename; when the output folder is on
     * another file system than its parent (a mount, a link to another disk), as the writer
     * replaces a file, through a copy next to the target, so a reader never sees half a page.
     */
    private static void moveInto(String path, Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            SiteWriter.replaceOne(OutputFile.copied(path, staged, path), target);
        }
    }

    /** Deletes what was staged; the output folder stays as it was. */
    @Override
    public void abort() {
        SiteWriter.deleteTree(dir);
    }
}
