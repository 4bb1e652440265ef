package dev.gazette.cli;

import dev.gazette.build.BuildOptions;
import dev.gazette.build.KeptBuilds;
import dev.gazette.build.SiteBuild;
import dev.gazette.build.WarmUp;
import dev.gazette.daemon.BuildDaemon;
import dev.gazette.daemon.DaemonClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The build daemon's process, {@code DaemonMain SITE_FOLDER}: started in the background by a
 * {@code gazette build} run through the launcher, never by hand (see {@link BuildDaemon}).
 */
public final class DaemonMain {

    /** A daemon unused this long stops, giving its memory back. */
    static final int IDLE_MINUTES = 30;
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(IDLE_MINUTES);

    /** The warm-up's sample: enough builds for the JIT to compile the build's code, in a few seconds. */
    private static final int WARM_UP_ARTICLES = 120;
    private static final int WARM_UP_ROUNDS = 20;

    /** Set by the launcher: its identity of the install, which opens the daemon's door for it (see README). */
    private static final String LAUNCH_ID = "GAZETTE_LAUNCH_ID";

    private DaemonMain() {
    }

    /** A build right after the one that started the daemon (a script, a second look) need not wait for the warm-up. */
    private static final Duration QUIET_BEFORE_WARM_UP = Duration.ofSeconds(2);

    public static void main(String[] args) throws IOException {
        Path site = Path.of(args[0]);
        // Until a client calls, builds are expected as `gazette build` makes them by default.
        KeptBuilds builds = new KeptBuilds(new BuildOptions(site, BuildOptions.defaultOutput(site), null, false));
        BuildDaemon.serve(site, IDLE_LIMIT, QUIET_BEFORE_WARM_UP, commands(builds::run, () -> stop(site, builds)),
                whenQuiet(site, builds), System.getenv(LAUNCH_ID));
        builds.close();
        System.exit(0);
    }

    /**
     * The daemon's commands: each runs as in a process of its own, but builds keep their session
     * from one client to the next, so an edit is parsed and indexed alone.
     */
    static BuildDaemon.CommandRunner commands(SiteBuild.Runner builds, Runnable afterOutOfMemory) {
        return (args, out, err) -> {
            int code = Main.run(args, out, err, builds);
            if (code == ExitCodes.OUT_OF_MEMORY) {
                afterOutOfMemory.run();
            }
            return code;
        };
    }

    /**
     * Stops the daemon after a build that ran out of memory, as {@code gazette stop-daemon} does:
     * its socket goes at once, so the next build runs in a process of its own, and the daemon's
     * memory is given back. A JVM that ran out of memory may also have lost a thread of its own.
     */
    private static void stop(Path site, KeptBuilds builds) {
        builds.close();
        try {
            Optional<Path> socket = DaemonClient.socket(site);
            if (socket.isPresent()) {
                Files.deleteIfExists(socket.get());
            }
        } catch (IOException e) {
            // Then it stops when idle, as any daemon does.
        }
    }

    /**
     * The daemon's work while nobody calls: builds of a sample of the site, for the JIT to compile
     * the build's code; then, warm and still quiet, the session the next build keeps is made, so
     * that the first edit after the daemon started is built in it too. That is one build of the
     * site, which a client calling meanwhile waits for (about a second on 10,000 articles).
     */
    static BuildDaemon.WarmUp whenQuiet(Path site, KeptBuilds builds) {
        return stopped -> {
            WarmUp.run(site, WARM_UP_ARTICLES, WARM_UP_ROUNDS, stopped);
            if (stopped.getAsBoolean()) {
                return false;
            }
            builds.prepare();
            return true;
        };
    }
}
