package dev.gazette.serve;

import dev.gazette.build.BuildOptions;
import dev.gazette.build.BuildOutcome;
import dev.gazette.build.BuildSession;
import dev.gazette.build.WarmUp;
import dev.gazette.diag.Diagnostic;
import dev.gazette.diag.OutOfMemory;
import dev.gazette.watch.SourceWatcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code gazette serve}: builds the site, serves it, and rebuilds on every change, telling open
 * tabs to reload. A broken edit keeps the last good site up and shows the errors in the terminal
 * and in the browser.
 */
public final class Preview implements AutoCloseable {

    /** The warm-up's sample and rounds: enough for the JIT to compile the rebuild path, in a second or two. */
    private static final int WARM_UP_ARTICLES = 120;
    private static final int WARM_UP_ROUNDS = 20;

    private final BuildSession session;
    private final PreviewServer server;
    private final SourceWatcher watcher;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Thread warmUp;
    private volatile boolean warmUpStopped;
    private volatile BuildOutcome last;
    private volatile boolean servedSomething;
    private volatile boolean timings;
    /** Completed when a build ran out of memory: the preview cannot go on, and its command ends. */
    private final CompletableFuture<Throwable> outOfMemory = new CompletableFuture<>();

    public Preview(BuildOptions options, String bind, int port, PrintWriter out, PrintWriter err) {
        this.session = new BuildSession(options);
        this.out = out;
        this.err = err;
        this.server = new PreviewServer(bind, port, "/");
        this.watcher = new SourceWatcher(options.source(), this::rebuild);
        // After start-up, the rebuild of a saved file runs on a copy of a sample of the site a few
        // times, so the first edits are as quick as the later ones. An edit stops it.
        this.warmUp = new Thread(() -> WarmUp.runPreview(options.source(), WARM_UP_ARTICLES, WARM_UP_ROUNDS,
                () -> warmUpStopped), "gazette-preview-warm-up");
        this.warmUp.setDaemon(true);
    }

    /**
     * Takes the port first (so a second preview fails before touching {@code site/}), then builds,
     * serves and watches.
     */
    public void start() throws PreviewServer.StartException {
        server.start();
        rebuild(null);
        watcher.start();
        warmUp.start();
    }

    /** Waits up to {@code timeout} for the warm-up to end; true if it has. */
    public boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        warmUp.join(Math.max(1, timeout.toMillis()));
        return !warmUp.isAlive();
    }

    /** Prints each stage's time after every build. */
    public void printTimings(boolean on) {
        this.timings = on;
    }

    public int port() {
        return server.port();
    }

    /** The URL of the home page, e.g. {@code http://127.0.0.1:4000/news/}. */
    public String url(String bind) {
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port() + session.config().basePath();
    }

    /** Completed with the failure when a build ran out of memory; the preview's command then ends. */
    public CompletableFuture<Throwable> outOfMemory() {
        return outOfMemory;
    }

    /** The outcome of the latest build, good or bad. */
    public BuildOutcome lastOutcome() {
        return last;
    }

    private void rebuild(Set<Path> changed) {
        warmUpStopped |= changed != null;
        BuildOutcome outcome;
        try {
            outcome = changed == null ? session.rebuildAll() : session.rebuild(changed);
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!OutOfMemory.causedBy(e)) {
                throw e;
            }
            // Else the watcher would go on, each save failing the same way, or its thread would
            // die and the preview serve the old site without a word.
            outOfMemory.complete(e);
            return;
        }
        last = outcome;
        report(outcome);
        if (outcome.files() != null) {
            server.setBasePath(session.config().basePath());
            server.publish(outcome.files());
        } else {
            server.reportProblems(problems(outcome));
        }
    }

    private void report(BuildOutcome outcome) {
        String ms = String.format(Locale.ROOT, "%d ms", outcome.result().elapsed().toMillis());
        if (outcome.files() != null) {
            servedSomething = true;
            int articles = outcome.result().articles();
            out.printf(Locale.ROOT, "Built %d article%s in %s (%d files written, %d removed).%n",
                    articles, articles == 1 ? "" : "s", ms, outcome.result().write().written(),
                    outcome.result().write().removed());
            if (timings) {
                outcome.result().stages().forEach((stage, time) ->
                        out.printf(Locale.ROOT, "  %-7s %8.1f ms%n", stage, time.toNanos() / 1e6));
            }
            out.flush();
        } else {
            for (Diagnostic d : outcome.result().diagnostics()) {
                err.println(d);
            }
            err.printf(Locale.ROOT, "Build failed (%s); %s%n", ms, servedSomething
                    ? "still serving the last good site." : "fix the files above and save.");
            err.flush();
        }
    }

    private static List<String> problems(BuildOutcome outcome) {
        return outcome.result().diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Override
    public void close() {
        warmUpStopped = true;
        watcher.close();
        server.close();
        session.close();
        try {
            warmUp.join(); // it removes its copy at the end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
