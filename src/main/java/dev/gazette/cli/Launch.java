package dev.gazette.cli;

import dev.gazette.daemon.DaemonClient;
import dev.gazette.parse.ArticleParser;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The jar's entry point. A {@code build} the launcher names a site for goes to that site's build
 * daemon; anything else runs in this process ({@link Main}). This class does not touch picocli:
 * a build handed to the daemon never loads it (it took a tenth of such a build). A build run here
 * has its Markdown parsers made while picocli reads the command.
 */
public final class Launch {

    private Launch() {
    }

    public static void main(String[] args) {
        System.exit(launch(args, System.getProperty(DaemonClient.SITE_PROPERTY), System.out, System.err));
    }

    /**
     * Runs the command as the launcher asked: a {@code build} goes to the site's build daemon when
     * {@code daemonSite} names the site (null: no daemon), and starts one when none took it.
     */
    static int launch(String[] args, String daemonSite, PrintStream out, PrintStream err) {
        boolean mayUseDaemon = daemonSite != null && args.length > 0 && args[0].equals("build");
        if (mayUseDaemon) {
            Optional<Integer> code = DaemonClient.run(Path.of(daemonSite), args, out, err);
            if (code.isPresent()) {
                return code.get();
            }
        }
        if (args.length > 0 && args[0].equals("build")) {
            Thread prepare = new Thread(ArticleParser::prepare, "gazette-prepare");
            prepare.setDaemon(true);
            prepare.start();
        }
        // Printed as picocli prints to the standard streams.
        int code = Main.run(args,
                new PrintWriter(new OutputStreamWriter(out, DaemonClient.charsetOf("sun.stdout.encoding")), true),
                new PrintWriter(new OutputStreamWriter(err, DaemonClient.charsetOf("sun.stderr.encoding")), true));
        // A daemon gets the same heap: after a build that ran out of memory, none is started.
        if (mayUseDaemon && code != ExitCodes.USAGE && code != ExitCodes.OUT_OF_MEMORY && !asksForHelpOrVersion(args)
                && DaemonClient.start(Path.of(daemonSite)).isPresent()
                && !Arrays.asList(args).contains("--quiet") && !Arrays.asList(args).contains("-q")) {
            err.println("gazette: started a build daemon for this site; the next builds run in it, warm"
                    + " (it stops after " + DaemonMain.IDLE_MINUTES + " idle minutes or with gazette stop-daemon;"
                    + " GAZETTE_DAEMON=off builds without it).");
        }
        return code;
    }

    /** {@code build --help} builds nothing: it starts no daemon either. */
    private static boolean asksForHelpOrVersion(String[] args) {
        List<String> all = Arrays.asList(args);
        return all.contains("-h") || all.contains("--help") || all.contains("-V") || all.contains("--version");
    }
}
