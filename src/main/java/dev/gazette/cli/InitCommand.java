package dev.gazette.cli;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.render.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazette init DIR}: a new site with a config, the default theme and one sample article. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Creates a new site in DIR: gazette.yaml, the default theme in templates/ and a sample article.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:created", "1:DIR is not an empty folder (nothing was written)", "2:usage error",
            "70:internal or I/O error"})
final class InitCommand implements Callable<Integer> {

    static final String WELCOME_SLUG = "welcome-to-gazette";

    static final String CONFIG = """
            # Site settings. Every key is optional; the values below are a starting point.
            # Gazette reports an unknown key or a bad value with its line when you build.

            # The site's name, shown in every page title and the header.
            title: My Gazette

            # One or two sentences for the home page's meta description and the footer.
            description: News from our newsroom.

            # Absolute address of the site root, with a sub-path if it is served from one
            # (https://example.org/news/). Every link carries that path. For a preview
            # deployment, override it with gazette build --base-url URL.
            baseUrl: http://localhost:4000/

            # BCP 47 tag for <html lang> and month names in dates: en, ru, uz-Latn, uz-Cyrl, kk...
            language: en

            # IANA time zone for dates written without an offset, displayed dates and archives,
            # e.g. Asia/Tashkent or Asia/Almaty.
            timezone: UTC

            # Articles per home, category and archive page (1-1000).
            pageSize: 20

            # Article URLs, with :year :month :day :slug :category; must contain :slug.
            # permalink: /:year/:month/:day/:slug/

            # Navigation order. Every article's category must be one of these. To give a
            # category its own URL slug, map slugs to names instead (politics: Politics).
            categories:
              - News
              - Politics
              - Economy
              - Society
              - Sport
            """;

    static final String GITIGNORE = """
            /site/
            /.gazette/
            """;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder for the new site; created if missing, must be empty.")
    Path dir;

    /** The moment taken as "now" for the sample article; hidden, so that tests can fix the date. */
    @Option(names = "--now", hidden = true, paramLabel = "INSTANT")
    Instant now;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            err.println("gazette: " + dir + " exists and is not a folder; choose a new or empty folder");
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            err.println("gazette: " + dir + " is not empty; choose a new or empty folder (init never overwrites files)");
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        Map<String, byte[]> theme = Theme.packagedFiles();
        if (theme.isEmpty()) {
            throw new IllegalStateException("the default theme is missing from Gazette's jar");
        }
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.parse(CONFIG, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("the starter gazette.yaml is invalid: " + diagnostics.sorted());
        }
        ZonedDateTime date = (now != null ? now : Instant.now()).atZone(config.timezone()).truncatedTo(ChronoUnit.MINUTES);
        String article = String.format(Locale.ROOT, "content/%04d/%02d/%s.md", date.getYear(), date.getMonthValue(), WELCOME_SLUG);

        create(ConfigLoader.FILE_NAME, CONFIG.getBytes(StandardCharsets.UTF_8));
        create(".gitignore", GITIGNORE.getBytes(StandardCharsets.UTF_8));
        create(article, welcomeArticle(date).getBytes(StandardCharsets.UTF_8));
        theme.forEach((rel, bytes) -> create(Theme.TEMPLATES_DIR + "/" + rel, bytes));

        String row = "  %-" + (article.length() + 2) + "s %s%n";
        out.println("Created a new site in " + dir + ":");
        out.printf(Locale.ROOT, row, ConfigLoader.FILE_NAME, "site settings: set title, baseUrl, timezone and categories");
        out.printf(Locale.ROOT, row, article, "a sample article");
        out.printf(Locale.ROOT, row, Theme.TEMPLATES_DIR + "/", "the default theme (" + theme.size() + " files), yours to edit");
        out.printf(Locale.ROOT, row, ".gitignore", "keeps site/ and .gazette/ out of Git");
        out.println();
        out.println("Next steps:");
        out.println("  cd " + dir + " && gazette build");
        out.println("  gazette serve                  # preview it in a browser");
        out.println("  gazette new \"Your headline\"    # start an article");
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Writes {@code relative} under the new site; CREATE_NEW so that init never replaces a file. */
    private void create(String relative, byte[] bytes) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String welcomeArticle(ZonedDateTime date) {
        return "---\n"
                + "title: Welcome to Gazette\n"
                + "date: " + NewCommand.FRONT_MATTER_DATE.format(date) + "\n"
                + "category: News\n"
                + "summary: How to write, preview and publish articles with Gazette.\n"
                + "---\n"
                + """
                This is a sample article. Read it, then delete it or use it as the model for your own.

                ## Writing an article

                Every `.md` file under `content/` is an article. Keep them in one folder per month,
                `content/YYYY/MM/`, and name the file after the story: its name becomes the end of
                the article's URL. The quickest start is

                ```sh
                gazette new "Council approves the new budget" --category Politics
                ```

                which creates a draft dated now, with the front matter filled in.

                ## The front matter

                A file starts with a block of settings between two `---` lines:

                ```yaml
                title: "Minister: the new line opens in 2026"
                date: 2026-05-14 09:30
                category: Politics
                tags: [transport, railways]
                author: Dilnoza Karimova
                summary: One or two sentences for lists and search engines.
                draft: true
                ```

                - `title`, `date` and `category` are required. Put the title in double quotes when
                  it contains a colon or a quote mark (write `\\"` for a quote inside it).
                - The date is in the time zone set in `gazette.yaml`.
                - The category must be one of the `categories` listed in `gazette.yaml`.
                - `draft: true` keeps the article off the site until you remove it; build with
                  `gazette build --drafts` to see drafts anyway.

                ## The text

                Below the front matter, write in Markdown: a blank line between paragraphs,
                `## Subheading` for a subheading, `**bold**`, `*italic*`, `[a link](https://example.org/)`,
                and `- item` for a list. Put an image next to the article and show it with
                `![What it shows](photo.jpg)`.

                ## Publishing

                Run `gazette build` to write the whole site into `site/`, or `gazette serve` to preview
                it while you write. Then upload `site/` to any static web host. The templates that
                shape every page are in `templates/`: change them to make the site your own.
                """;
    }
}
