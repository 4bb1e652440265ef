package dev.gazette.write;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of a site being assembled, each created with one system call. For a folder that
 * does not exist yet, {@code Files.createDirectories} fails on it first and then climbs to its
 * parents: three calls and an exception per page of a new site, which is most pages of a cold
 * build. Thread-safe; one per site being written.
 */
final class Folders {

    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    /** @param root an existing folder, under which every folder asked for lies */
    Folders(Path root) {
        made.add(root);
    }

    /** Makes sure {@code dir} exists, creating it and its missing parents. */
    void ensure(Path dir) throws IOException {
        if (made.contains(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            ensure(parent);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // Another thread made it a moment ago, or it was there already: fine if it is a folder.
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        }
        made.add(dir);
    }
}
