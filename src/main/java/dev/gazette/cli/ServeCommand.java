package dev.gazette.cli;

import dev.gazette.build.BuildOptions;
import dev.gazette.serve.Preview;
import dev.gazette.serve.PreviewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette serve}: build, serve, watch, rebuild, reload. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Builds the site, serves it on this machine and rebuilds it on every change to content/, "
                + "templates/ or gazette.yaml; open pages reload by themselves.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "Site folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "4000",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--open", description = "Open the site in the default browser.")
    boolean open;

    @Override
    public Integer call() throws InterruptedException {
        if (!source.toFile().isDirectory()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + source);
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = new BuildOptions(source, BuildOptions.defaultOutput(source), null, drafts);
        Preview preview = new Preview(options, bind, port, out, err);
        try {
            preview.start();
        } catch (PreviewServer.StartException e) {
            err.println("gazette: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            stopped.countDown();
        }, "gazette-stop"));
        preview.outOfMemory().thenRun(stopped::countDown);
        if (!preview.outOfMemory().isDone()) {
            String url = preview.url(bind);
            out.println("Serving at " + url + " (Ctrl-C to stop)");
            out.flush();
            if (open) {
                openBrowser(url, err);
            }
            stopped.await();
        }
        Throwable outOfMemory = preview.outOfMemory().getNow(null);
        return outOfMemory != null ? Main.outOfMemory(err, "serve", outOfMemory) : ExitCodes.OK;
    }

    private static void openBrowser(String url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] command = os.contains("mac") ? new String[] {"open", url}
                : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url}
                : new String[] {"xdg-open", url};
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            err.println("gazette: could not open a browser (" + e.getMessage() + "); open " + url + " yourself.");
        }
    }
}
