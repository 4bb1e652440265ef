package dev.gazette.cli;

import dev.gazette.build.BuildOptions;
import dev.gazette.build.BuildResult;
import dev.gazette.build.SiteBuild;
import dev.gazette.check.CheckReport;
import dev.gazette.check.Problem;
import dev.gazette.check.SiteChecker;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostic;
import dev.gazette.diag.Diagnostics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gazette check}: builds the site, then checks the output's links, ids, titles and canonical links. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Builds the site, then checks every page of the output: internal links, images and scripts "
                + "lead to a file, #fragments to an element, ids are unique, every page has a title and a "
                + "canonical link."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no problems", "1:problems found, or the build failed", "2:usage error",
            "70:internal or I/O error"})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "Site folder with content/, templates/ and gazette.yaml (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder to build into and check (default: <source>/site).")
    Path output;

    @Option(names = "--no-build", description = "Check the output folder as it is, without building first.")
    boolean noBuild;

    @Override
    public Integer call() {
        if (!source.toFile().isDirectory()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + source);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path out = output != null ? output : BuildOptions.defaultOutput(source);
        if (noBuild) {
            if (!Files.isDirectory(out)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no such folder: " + out + "; build the site first or leave out --no-build");
            }
        } else {
            BuildResult result = SiteBuild.run(new BuildOptions(source, out, null, false));
            if (!result.ok()) {
                return BuildCommand.report(result, out, true, stdout, stderr);
            }
        }
        // The build has read the config already; with --no-build a broken config is reported here.
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(source, null, diagnostics);
        if (diagnostics.hasErrors()) {
            for (Diagnostic d : diagnostics.sorted()) {
                stderr.println(d);
            }
            stderr.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        CheckReport report = SiteChecker.report(out, config.baseUrl());
        if (report.ok()) {
            stdout.printf(Locale.ROOT, "Checked %d page%s: no problems.%n", report.pages(), plural(report.pages()));
            stdout.flush();
            return ExitCodes.OK;
        }
        for (Problem problem : report.problems()) {
            stderr.println(problem);
        }
        int n = report.problems().size();
        stderr.printf(Locale.ROOT, "Checked %d page%s: %d problem%s.%n", report.pages(), plural(report.pages()), n, plural(n));
        stderr.flush();
        return ExitCodes.CONTENT_ERRORS;
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
