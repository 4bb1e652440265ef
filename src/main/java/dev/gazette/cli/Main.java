package dev.gazette.cli;

import dev.gazette.build.SiteBuild;
import dev.gazette.diag.OutOfMemory;
import dev.gazette.render.Version;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gazette} command. */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Builds a static news site from Markdown articles.")
public final class Main implements Runnable {

    /** In the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(BuildCommand.class, CheckCommand.class, ServeCommand.class,
            NewCommand.class, InitCommand.class, StopDaemonCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs one command in this process; the jar's entry point is {@link Launch}. */
    public static void main(String[] args) {
        System.exit(execute(commandLine(args), args));
    }

    /** Runs one command with the given streams; a build is a one-off build. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, SiteBuild::run);
    }

    /**
     * Runs one command with the given streams, as the build daemon does for its clients, and
     * builds through {@code builds}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, SiteBuild.Runner builds) {
        CommandLine cl = commandLine(args, builds);
        cl.setOut(out);
        cl.setErr(err);
        return execute(cl, args);
    }

    /**
     * Runs the command. picocli hands its handler the exceptions a command throws, not the errors:
     * running out of memory on the command's own thread arrives here.
     */
    private static int execute(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(cl.getErr(), args.length == 0 ? "command" : args[0], e);
        }
    }

    /** Says that {@code gazette <command>} ran out of memory, and how to give it more. */
    static int outOfMemory(PrintWriter err, String command, Throwable failure) {
        err.println(OutOfMemory.message(command, failure));
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }

    /**
     * The command line for {@code args}: when they start with a command's name, that command
     * alone. picocli reads every command's options by reflection, in classes it cannot share
     * between runs (compiled for Java 5), before it looks at the arguments: the other five took
     * tens of milliseconds of each build's start. Anything else (help, a typo, no command) gets
     * all of them.
     */
    static CommandLine commandLine(String[] args) {
        return commandLine(args, SiteBuild::run);
    }

    /** Like {@link #commandLine(String[])}, with builds run through {@code builds}. */
    static CommandLine commandLine(String[] args, SiteBuild.Runner builds) {
        // Else picocli looks up Groovy's closure class on the whole class path, in vain.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cl = new CommandLine(new Main());
        Class<?> named = args.length == 0 ? null : COMMANDS.stream()
                .filter(command -> command != CommandLine.HelpCommand.class
                        && command.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        for (Class<?> command : COMMANDS) {
            if (command == BuildCommand.class && (named == null || command == named)) {
                cl.addSubcommand(new BuildCommand(builds));
            } else if (named == null || command == named) {
                cl.addSubcommand(command);
            }
        }
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
        if (OutOfMemory.causedBy(e)) {
            return outOfMemory(err, parsed.subcommand() != null ? parsed.subcommand().commandSpec().name() : "command", e);
        }
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
