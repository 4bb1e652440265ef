package dev.gazette.cli;

import dev.gazette.render.Version;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gazette} command. */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Builds a static news site from Markdown articles.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, InitCommand.class,
            StopDaemonCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs one command in this process; the jar's entry point is {@link Launch}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Runs one command with the given streams, as the build daemon does for its clients. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured command line; tests call {@code execute} on it with captured streams. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. gazette build");
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("gazette: " + e.getMessage());
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UncheckedIOException io) {
            err.println("gazette: " + io.getMessage() + ": " + io.getCause().getMessage());
        } else {
            err.println("gazette: internal error, please report it: " + e);
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Gazette " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
