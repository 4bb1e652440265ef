package dev.gazette.cli;

import dev.gazette.build.BuildOptions;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuild;
import dev.gazette.config.ConfigLoader;
import dev.gazette.diag.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette build}: one full build into the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Builds the site from content/ and templates/ into the output folder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:content, config or template errors (nothing was written)", "2:usage error",
            "70:internal or I/O error"})
final class BuildCommand implements Callable<Integer> {

    private final SiteBuild.Runner builds;

    /** A command whose builds are one-off builds. */
    BuildCommand() {
        this(SiteBuild::run);
    }

    /** A command whose builds run through {@code builds} (a build daemon's {@link dev.gazette.build.KeptBuilds}). */
    BuildCommand(SiteBuild.Runner builds) {
        this.builds = builds;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "Site folder with content/, templates/ and gazette.yaml (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder, replaced as a whole (default: <source>/site).")
    Path output;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Overrides baseUrl from gazette.yaml (an absolute http(s) URL).")
    String baseUrl;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--timings", description = "Also print the time each stage took.")
    boolean timings;

    @Option(names = "--now", paramLabel = "TIME",
            description = "Build as if at this time (RFC 3339, e.g. 2022-12-23T12:00:00+05:00), for the news"
                    + " sitemap's last 48 hours; makes rebuilds of the same input byte-identical.")
    String now;

    @Override
    public Integer call() {
        if (!source.toFile().isDirectory()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + source);
        }
        if (baseUrl != null && ConfigLoader.normalizeBaseUrl(baseUrl) == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--base-url \"" + baseUrl + "\" is not an absolute http(s) URL, e.g. https://example.org/news/");
        }
        java.time.Instant buildTime = null;
        if (now != null) {
            buildTime = ConfigLoader.parseInstant(now);
            if (buildTime == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--now \"" + now + "\" is not a time with an offset, e.g. 2022-12-23T12:00:00+05:00");
            }
        }
        Path out = output != null ? output : BuildOptions.defaultOutput(source);
        PrintWriter stderr = spec.commandLine().getErr();
        BuildResult result = builds.run(new BuildOptions(source, out, baseUrl, drafts, buildTime), () -> {
            stderr.println("Waiting for another build of " + source.toAbsolutePath().normalize() + " to end...");
            stderr.flush();
        });
        int code = report(result, out, quiet, spec.commandLine().getOut(), spec.commandLine().getErr());
        if (timings) {
            PrintWriter stdout = spec.commandLine().getOut();
            result.stages().forEach((stage, time) ->
                    stdout.printf(Locale.ROOT, "  %-7s %8.1f ms%n", stage, time.toNanos() / 1e6));
            stdout.flush();
        }
        return code;
    }

    /** Prints diagnostics or the summary line and returns the exit code. */
    static int report(BuildResult result, Path out, boolean quiet, PrintWriter stdout, PrintWriter stderr) {
        String seconds = String.format(Locale.ROOT, "%.2f s", result.elapsed().toNanos() / 1e9);
        if (!result.ok()) {
            for (Diagnostic d : result.diagnostics()) {
                stderr.println(d);
            }
            int n = result.diagnostics().size();
            stderr.printf(Locale.ROOT, "Build failed: %d problem%s (%s); %s was left as it was.%n",
                    n, n == 1 ? "" : "s", seconds, out);
            stderr.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        if (!quiet) {
            stdout.printf(Locale.ROOT, "Built %d article%s into %d files in %s in %s (%d written, %d unchanged, %d removed).%n",
                    result.articles(), result.articles() == 1 ? "" : "s", result.write().total(), out, seconds,
                    result.write().written(), result.write().unchanged(), result.write().removed());
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
