package dev.gazette.cli;

import dev.gazette.daemon.DaemonClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette stop-daemon}: stops the site's build daemon, if one runs. */
@Command(name = "stop-daemon", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Stops the build daemon that `gazette build` started for the site, if one runs (it also "
                + "stops by itself after " + DaemonMain.IDLE_MINUTES + " idle minutes). A build under way in it "
                + "completes first."})
final class StopDaemonCommand implements Callable<Integer> {

    /** Long enough for a large build under way to end. */
    private static final Duration WAIT = Duration.ofMinutes(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "Site folder whose daemon to stop (default: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() throws IOException {
        boolean stopped = DaemonClient.stop(source, WAIT);
        Path site = source.toAbsolutePath().normalize();
        spec.commandLine().getOut().println(stopped
                ? "Stopped the build daemon of " + site + "."
                : "No build daemon runs for " + site + ".");
        return 0;
    }
}
