package dev.gazette.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of a site being assembled, each created with one system call. For a folder that
 * does not exist yet, {@code Files.createDirectories} fails on it first and then climbs to its
 * parents: three calls and an exception per page of a new site, which is most pages of a cold
 * build. Thread-safe; one per site being written.
 */
final class Folders {

    private final ConcurrentHashMap<Path, Boolean> made = new ConcurrentHashMap<>();

    /** @param root an existing folder, under which every folder asked for lies */
    Folders(Path root) {
        made.put(root, Boolean.TRUE);
    }

    /** Makes sure {@code dir} exists, creating it and its missing parents. */
    void ensure(Path dir) throws IOException {
        if (made.containsKey(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            ensure(parent);
        }
        // One thread creates the folder while any other that needs it waits: two threads writing
        // the pages of one day both made its folder, and the loser's exception (1,200 in a cold
        // build of 10,000 articles) cost more than the wait.
        try {
            made.computeIfAbsent(dir, Folders::create);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Boolean create(Path dir) {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // It was there already: fine if it is a folder.
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new UncheckedIOException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Boolean.TRUE;
    }
}
