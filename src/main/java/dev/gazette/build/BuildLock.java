package dev.gazette.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build of a site at a time, across processes and threads. Two builds at once (two
 * terminals, a build beside the preview, a build daemon beside a build without it) would each
 * swap their output in while the other moves folders, and the preview writes its changes into
 * the folder a build is about to replace: the output could end up half-written, or the previous
 * one left behind under another name. The lock is {@code .gazette/build.lock} in the site: a file
 * lock between processes, and, since a JVM holds one lock per file, a lock of its own between a
 * JVM's threads first. Reentrant: a one-off build holds it around the session's build, which
 * takes it too. Deleting {@code .gazette} during a build frees the next one to start.
 */
final class BuildLock implements AutoCloseable {

    private static final String FILE = BuildSession.STATE_DIR + "/build.lock";

    private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

    /** A site's lock in this JVM, and the channel whose file lock it holds while some thread here does. */
    private static final class Held {
        final ReentrantLock threads = new ReentrantLock();
        FileChannel channel;
    }

    private final Held held;

    private BuildLock(Held held) {
        this.held = held;
    }

    /**
     * Waits until no other build of the site at {@code source} runs, then holds the lock until
     * {@link #close}. {@code whileWaiting} runs once if the lock is not free at once. A site whose
     * {@code .gazette} cannot be written is locked between this JVM's threads only.
     */
    static BuildLock acquire(Path source, Runnable whileWaiting) {
        Path file = source.resolve(FILE).toAbsolutePath().normalize();
        Held held = HELD.computeIfAbsent(file, f -> new Held());
        boolean waited = false;
        if (!held.threads.tryLock()) {
            whileWaiting.run();
            waited = true;
            held.threads.lock();
        }
        if (held.threads.getHoldCount() == 1) {
            boolean locked = false;
            try {
                lockFile(held, file, waited ? () -> { } : whileWaiting);
                locked = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + file, e);
            } finally {
                if (!locked) {
                    closeQuietly(held);
                    held.threads.unlock();
                }
            }
        }
        return new BuildLock(held);
    }

    private static void lockFile(Held held, Path file, Runnable whileWaiting) throws IOException {
        try {
            Files.createDirectories(file.getParent());
            held.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return; // a site that cannot be written to: this JVM's threads still take turns
        }
        if (held.channel.tryLock() == null) {
            whileWaiting.run();
            held.channel.lock();
        }
    }

    @Override
    public void close() {
        if (held.threads.getHoldCount() == 1) {
            closeQuietly(held);
        }
        held.threads.unlock();
    }

    /** Releases the file lock (closing its channel does) and forgets it. */
    private static void closeQuietly(Held held) {
        try {
            if (held.channel != null) {
                held.channel.close();
            }
        } catch (IOException e) {
            // Closed or not, the lock is gone with the channel.
        }
        held.channel = null;
    }
}
