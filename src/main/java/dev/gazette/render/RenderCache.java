package dev.gazette.render;

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
import java.util.HashMap;
import java.util.Map;

/**
 * The fingerprint of every page the last build wrote, kept between {@code gazette build} runs: a
 * page whose fingerprint is unchanged is not rendered again, its previous output file is reused.
 * The key covers Gazette's version, the config and every template and asset.
 */
public final class RenderCache implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A written page: the fingerprint of its inputs and the size of the file it produced. */
    record Entry(String fingerprint, long size) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String key;
    final Map<String, Entry> pages;

    RenderCache(String key, Map<String, Entry> pages) {
        this.key = key;
        this.pages = new HashMap<>(pages);
    }

    String key() {
        return key;
    }

    /** Reads a cache written by {@link #save}; null when there is none or it cannot be read. */
    public static RenderCache load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return in.readObject() instanceof RenderCache cache ? cache : null;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the cache through a temporary file, so a crash never leaves a torn one. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".render-", ".tmp");
            try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeObject(this);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache " + file, e);
        }
    }
}
