package dev.gazette.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a site's {@code content/}, {@code templates/} and {@code gazette.yaml} and hands
 * batches of changed paths to one consumer, on one thread, so rebuilds never overlap. Events that
 * arrive close together (an editor writing a temp file, then renaming it) make one batch.
 */
public final class SourceWatcher implements AutoCloseable {

    /** How long the tree must be quiet before a batch is handed over. */
    static final long QUIET_MILLIS = 10;
    /** The longest a batch waits for quiet while events keep coming. */
    static final long MAX_WAIT_MILLIS = 300;
    private static final long CONFIG_POLL_MILLIS = 200;

    private final Path siteRoot;
    private final Consumer<Set<Path>> onChange;
    private final BlockingQueue<Path> events = new LinkedBlockingQueue<>();
    private final List<DirectoryWatcher> watchers = new ArrayList<>();
    private final Thread loop;
    private volatile boolean running = true;
    /** gazette.yaml's modification time and size when last looked at, or null while it is missing. */
    private Object configStamp;

    public SourceWatcher(Path siteRoot, Consumer<Set<Path>> onChange) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.onChange = Objects.requireNonNull(onChange);
        this.loop = new Thread(this::run, "gazette-watch");
        this.loop.setDaemon(true);
    }

    /** Starts watching the folders that exist now; {@code gazette.yaml} is checked as it comes and goes. */
    public void start() {
        // Taken now rather than when the loop thread gets going, so an edit right after start() counts.
        configStamp = stamp(siteRoot.resolve("gazette.yaml"));
        for (String dir : new String[] {"content", "templates"}) {
            Path path = siteRoot.resolve(dir);
            if (Files.isDirectory(path)) {
                try {
                    DirectoryWatcher watcher = DirectoryWatcher.builder()
                            .path(path)
                            .fileHashing(false)
                            .listener(this::onEvent)
                            .build();
                    // Its own thread: the default, the common fork-join pool, would be blocked for as
                    // long as the server runs.
                    watcher.watchAsync(task -> {
                        Thread thread = new Thread(task, "gazette-watch-" + dir);
                        thread.setDaemon(true);
                        thread.start();
                    });
                    watchers.add(watcher);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot watch " + path, e);
                }
            }
        }
        loop.start();
    }

    private void onEvent(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            // Too many events to tell which: rebuild everything.
            events.add(siteRoot);
        } else if (event.path() != null && !isEditorNoise(event.path())) {
            events.add(event.path().toAbsolutePath().normalize());
        }
    }

    /** Swap, backup and temporary files that editors write next to the real one. */
    static boolean isEditorNoise(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.equals("4913") || name.startsWith("#");
    }

    private void run() {
        Path config = siteRoot.resolve("gazette.yaml");
        while (running) {
            try {
                Set<Path> batch = new LinkedHashSet<>();
                Path first = events.poll(CONFIG_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
                    Path next;
                    while (System.nanoTime() < deadline && (next = events.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                        batch.add(next);
                    }
                }
                Object stamp = stamp(config);
                if (!Objects.equals(stamp, configStamp)) {
                    configStamp = stamp;
                    batch.add(config);
                }
                if (!batch.isEmpty() && running) {
                    onChange.accept(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failed rebuild must not end watching; the consumer reports its own errors.
                e.printStackTrace();
            }
        }
    }

    private static Object stamp(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return List.of(time, Files.size(file));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        for (DirectoryWatcher watcher : watchers) {
            try {
                watcher.close();
            } catch (IOException e) {
                // Closing a watcher that already failed: nothing left to release.
            }
        }
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
