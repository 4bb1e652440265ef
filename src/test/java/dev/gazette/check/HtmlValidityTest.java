package dev.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.FixtureSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every page type of the sample site passes the Nu HTML Checker (the engine behind
 * validator.w3.org/nu), run in-process with the schemas packed in its jar: no network.
 */
class HtmlValidityTest {

    /** Every page type and a pattern for its output files. */
    private static final Map<String, String> PAGE_TYPES = Map.ofEntries(
            Map.entry("home", "index\\.html"),
            Map.entry("home page 2", "page/2/index\\.html"),
            Map.entry("article", "\\d{4}/\\d{2}/\\d{2}/[^/]+/index\\.html"),
            Map.entry("category", "category/[^/]+/index\\.html"),
            Map.entry("categories", "category/index\\.html"),
            Map.entry("year", "\\d{4}/index\\.html"),
            Map.entry("month", "\\d{4}/\\d{2}/index\\.html"),
            Map.entry("day", "\\d{4}/\\d{2}/\\d{2}/index\\.html"),
            Map.entry("archive", "archive/index\\.html"),
            Map.entry("not found", "404\\.html"),
            Map.entry("tags", "tag/index\\.html"),
            Map.entry("tag", "tag/[^/]+/index\\.html"),
            Map.entry("authors", "author/index\\.html"),
            Map.entry("author", "author/[^/]+/index\\.html"));

    @TempDir
    Path dir;

    @Test
    void everyPageOfTheSampleSiteIsValidHtml() throws Exception {
        FixtureSite site = copySampleSite();
        site.buildOk();
        List<String> pages = FixtureSite.tree(site.output()).keySet().stream().filter(p -> p.endsWith(".html")).toList();
        PAGE_TYPES.forEach((type, pattern) ->
                assertThat(pages).as("a %s page", type).anyMatch(p -> p.matches(pattern)));
        assertThat(classExists("org.eclipse.jetty.client.HttpClient"))
                .as("the Nu HTML Checker's SimpleDocumentValidator loads Jetty's HTTP client when it starts; "
                        + "pom.xml needs org.eclipse.jetty:jetty-client:${jetty.version} in test scope")
                .isTrue();

        ErrorCollector errors = new ErrorCollector();
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        for (String page : pages) {
            errors.page = page;
            validator.checkHtmlFile(site.output().resolve(page).toFile(), true);
        }
        assertThat(errors.messages)
                .withFailMessage("Nu HTML Checker errors in %d pages:%n%s", pages.size(), String.join("\n", errors.messages))
                .isEmpty();
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, HtmlValidityTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private FixtureSite copySampleSite() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        assertThat(repo.resolve("gazette.yaml")).as("tests run from the repository root").isRegularFile();
        FixtureSite.copyTree(repo.resolve("content"), dir.resolve("content"));
        FixtureSite.copyTree(repo.resolve("templates"), dir.resolve("templates"));
        Files.copy(repo.resolve("gazette.yaml"), dir.resolve("gazette.yaml"));
        return FixtureSite.write(dir, "");
    }

    /** Keeps errors with their page and line; warnings (e.g. "consider adding a lang attribute") are allowed. */
    private static final class ErrorCollector implements ErrorHandler {
        final List<String> messages = new ArrayList<>();
        String page = "(schema)";

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            messages.add(page + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

}
