package dev.gazette.cli;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostic;
import dev.gazette.diag.Diagnostics;
import dev.gazette.slug.Slugs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazette new "Title"}: starts a draft article at {@code content/YYYY/MM/<slug>.md}. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Creates a draft article content/YYYY/MM/<slug>.md dated now in the site time zone.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:config error, unknown category, or the file already exists", "2:usage error",
            "70:internal or I/O error"})
final class NewCommand implements Callable<Integer> {

    static final String DEFAULT_CATEGORY = "News";

    static final DateTimeFormatter FRONT_MATTER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Values that read back unchanged as a plain YAML scalar; anything else is double-quoted. */
    private static final Pattern PLAIN_SCALAR = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.&'()/-]*[\\p{L}\\p{N})]|[\\p{L}\\p{N}]");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The headline; the file name is its slug.")
    String title;

    @Option(names = {"-c", "--category"}, paramLabel = "C",
            description = "The article's category (default: the first category in gazette.yaml, else " + DEFAULT_CATEGORY + ").")
    String category;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
            description = "Site folder with content/ and gazette.yaml (default: ${DEFAULT-VALUE}).")
    Path source;

    /** The moment taken as "now"; hidden, so that tests and scripts can fix the date. */
    @Option(names = "--now", hidden = true, paramLabel = "INSTANT")
    Instant now;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such folder: " + source);
        }
        String headline = title.strip();
        String slug = Slugs.slugify(headline);
        if (slug.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the title \"" + title + "\" has no letters or digits to make a file name from; give a headline with words");
        }
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(source, null, diagnostics);
        if (diagnostics.hasErrors()) {
            for (Diagnostic d : diagnostics.sorted()) {
                err.println(d);
            }
            err.println("gazette: fix " + ConfigLoader.FILE_NAME + " first; no article was created.");
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        String articleCategory = chooseCategory(config);
        if (articleCategory == null) {
            List<String> names = config.categories().stream().map(SiteConfig.CategoryName::name).toList();
            err.println("gazette: unknown category \"" + category + "\"; use one of " + String.join(", ", names)
                    + " (or add it to categories in " + ConfigLoader.FILE_NAME + ")");
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }

        ZonedDateTime date = (now != null ? now : Instant.now()).atZone(config.timezone()).truncatedTo(ChronoUnit.MINUTES);
        String relative = String.format(Locale.ROOT, "content/%04d/%02d/%s.md", date.getYear(), date.getMonthValue(), slug);
        Path file = source.resolve(relative);
        if (Files.exists(file)) {
            return alreadyExists(relative, err);
        }
        String text = frontMatter(headline, date, articleCategory)
                + "\n"
                + "Write the article here in Markdown, then remove draft: true to publish it.\n";
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: never overwrite, even if the file appeared since the check above.
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return alreadyExists(relative, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out.println(relative);
        out.flush();
        return ExitCodes.OK;
    }

    private static int alreadyExists(String relative, PrintWriter err) {
        err.println("gazette: " + relative + " already exists; choose another title or edit that file");
        err.flush();
        return ExitCodes.CONTENT_ERRORS;
    }

    /**
     * The category to write: the option (matched against the declared categories by slug or
     * name), else the first declared one, else {@value #DEFAULT_CATEGORY}. Null when the option
     * names an undeclared category.
     */
    private String chooseCategory(SiteConfig config) {
        if (category == null) {
            return config.categories().isEmpty() ? DEFAULT_CATEGORY : asWritten(config.categories().get(0));
        }
        String given = category.strip();
        String slug = Slugs.slugify(given);
        if (slug.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the category \"" + category + "\" has no letters or digits for a URL; give a name such as Politics");
        }
        if (config.categories().isEmpty()) {
            return given;
        }
        for (SiteConfig.CategoryName declared : config.categories()) {
            if (declared.slug().equals(slug) || declared.name().equalsIgnoreCase(given)) {
                return asWritten(declared);
            }
        }
        return null;
    }

    /**
     * How an article names a declared category: the build matches it by slug, so the display
     * name works only when it slugifies to the declared slug ({@code politics: Politics}); for
     * {@code economy: Economy and Trade} the slug is written.
     */
    private static String asWritten(SiteConfig.CategoryName declared) {
        return Slugs.slugify(declared.name()).equals(declared.slug()) ? declared.name() : declared.slug();
    }

    /** The front matter of a new draft, closing {@code ---} included. */
    static String frontMatter(String title, ZonedDateTime date, String category) {
        return "---\n"
                + "title: " + quoted(title) + "\n"
                + "date: " + FRONT_MATTER_DATE.format(date) + "\n"
                + "category: " + (PLAIN_SCALAR.matcher(category).matches() ? category : quoted(category)) + "\n"
                + "draft: true\n"
                + "---\n";
    }

    /** A YAML double-quoted scalar that reads back as exactly {@code text}. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    // Control characters, and the characters YAML treats as line breaks or a BOM.
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
