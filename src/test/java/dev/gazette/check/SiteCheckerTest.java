package dev.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker on small output folders written by hand, asserted in the form {@code gazette check} prints. */
class SiteCheckerTest {

    private static final String BASE = "https://example.org/";

    @TempDir
    Path out;

    /** A page with a title and a canonical link to itself, so that only what the test adds can be wrong. */
    private void page(String relative, String body) {
        String canonical = BASE + relative.replaceFirst("index\\.html$", "");
        file(relative, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page</title>\n"
                + "<link rel=\"canonical\" href=\"" + canonical + "\">\n</head>\n<body>\n" + body + "\n</body>\n</html>\n");
    }

    private void file(String relative, String text) {
        try {
            Path file = out.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> check(String baseUrl) {
        return SiteChecker.check(out, baseUrl).stream().map(Problem::toString).toList();
    }

    @Test
    void brokenLinkNamesTheFileItNeeds() {
        page("index.html", "<a href=\"/2022/13/\">December</a>");
        assertThat(check(BASE)).containsExactly("index.html: /2022/13/ -> no such page (2022/13/index.html)");
    }

    @Test
    void directoryLinkFindsTheFoldersIndexPage() {
        page("index.html", "<a href=\"/2022/12/\">root</a> <a href=\"2022/12/\">relative</a>"
                + " <a href=\"https://example.org/2022/12/\">absolute</a> <a href=\"/2022/12\">no slash</a>"
                + " <a href=\"/2022/12/?page=2\">query</a> <a href=\"/\">home</a> <a href=\"\">self</a>");
        page("2022/12/index.html", "<a href=\"../../\">up</a> <a href=\"./\">here</a> <a href=\"index.html\">file</a>");
        assertThat(check(BASE)).isEmpty();
    }

    @Test
    void relativeLinksResolveAgainstThePage() {
        page("2022/12/22/a/index.html", "<a href=\"../b/\">sibling</a> <a href=\"../../\">month</a>");
        assertThat(check(BASE)).containsExactly(
                "2022/12/22/a/index.html: ../../ -> no such page (2022/12/index.html)",
                "2022/12/22/a/index.html: ../b/ -> no such page (2022/12/22/b/index.html)");
    }

    @Test
    void missingImageScriptAndStylesheetAreReported() {
        page("index.html", "<img src=\"/images/gone.jpg\" alt=\"\">"
                + "<img src=\"/images/here.jpg\" srcset=\"/images/here.jpg 1x, /images/big.jpg 2x\" alt=\"\">"
                + "<picture><source srcset=\"/images/wide.webp 1200w,/images/here.jpg 600w\"><img src=\"/images/here.jpg\" alt=\"\"></picture>"
                + "<script src=\"/assets/app.js\"></script><link rel=\"stylesheet\" href=\"/assets/style.css\">");
        file("images/here.jpg", "jpeg");
        file("assets/style.css", "body {}");
        assertThat(check(BASE)).containsExactly(
                "index.html: /assets/app.js -> no such file (assets/app.js)",
                "index.html: /images/big.jpg -> no such file (images/big.jpg)",
                "index.html: /images/gone.jpg -> no such file (images/gone.jpg)",
                "index.html: /images/wide.webp -> no such file (images/wide.webp)");
    }

    @Test
    void openGraphImageAndCanonicalMustExistWhenTheyPointAtThisSite() {
        file("a/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>A</title>"
                + "<link rel=\"canonical\" href=\"https://example.org/b/\">"
                + "<meta property=\"og:image\" content=\"https://example.org/images/lead.jpg\">"
                + "<meta property=\"og:url\" content=\"https://example.org/a/\">"
                + "</head><body></body></html>");
        page("index.html", "<meta property=\"og:image\" content=\"https://cdn.example.net/lead.jpg\">");
        assertThat(check(BASE)).containsExactly(
                "a/index.html: https://example.org/b/ -> no such page (b/index.html)",
                "a/index.html: https://example.org/images/lead.jpg -> no such file (images/lead.jpg)");
    }

    @Test
    void brokenFragmentIsReportedAndGoodOnesPass() {
        page("index.html", "<h2 id=\"lead\">Lead</h2><a name=\"old-anchor\"></a>"
                + "<a href=\"#lead\">ok</a> <a href=\"#old-anchor\">by name</a> <a href=\"#\">top</a> <a href=\"#top\">top</a>"
                + " <a href=\"#nope\">broken</a> <a href=\"/b/#intro\">other ok</a> <a href=\"/b/#gone\">other broken</a>"
                + " <a href=\"/b/?x=1#intro\">with query</a>");
        page("b/index.html", "<p id=\"intro\">Intro</p>");
        assertThat(check(BASE)).containsExactly(
                "index.html: #nope -> no element with id \"nope\" on this page",
                "index.html: /b/#gone -> no element with id \"gone\" in b/index.html");
    }

    @Test
    void fragmentsArePercentDecoded() {
        page("index.html", "<h2 id=\"новости-дня\">News</h2>"
                + "<a href=\"#%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%B4%D0%BD%D1%8F\">encoded</a>"
                + " <a href=\"#новости-дня\">raw</a>");
        assertThat(check(BASE)).isEmpty();
    }

    @Test
    void pathsArePercentDecoded() {
        page("index.html", "<a href=\"/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/\">encoded</a> <a href=\"/новости/\">raw</a>"
                + " <a href=\"/files/annual%20report.pdf\">pdf</a> <a href=\"/files/annual report.pdf\">unencoded</a>"
                + " <a href=\"/files/missing%20report.pdf\">missing</a>");
        page("новости/index.html", "");
        file("files/annual report.pdf", "%PDF");
        assertThat(check(BASE)).containsExactly(
                "index.html: /files/missing%20report.pdf -> no such file (files/missing report.pdf)");
    }

    @Test
    void linksAreCaseSensitiveLikeAStaticHost() {
        page("index.html", "<a href=\"/About/\">about</a>");
        page("about/index.html", "");
        assertThat(check(BASE)).containsExactly("index.html: /About/ -> no such page (About/index.html)");
    }

    @Test
    void duplicateIdsAreReportedOncePerId() {
        page("index.html", "<div id=\"main\"></div><p id=\"main\"></p><span id=\"main\"></span><i id=\"x\"></i><b id=\"x\"></b>"
                + "<em id=\"unique\"></em>");
        assertThat(check(BASE)).containsExactly(
                "index.html: id=\"main\" -> duplicate id, on 3 elements",
                "index.html: id=\"x\" -> duplicate id, on 2 elements");
    }

    @Test
    void pageWithoutTitleIsReported() {
        file("index.html", "<!DOCTYPE html><html lang=\"en\"><head><link rel=\"canonical\" href=\"https://example.org/\"></head>"
                + "<body></body></html>");
        file("a/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>  </title>"
                + "<link rel=\"canonical\" href=\"https://example.org/a/\"></head><body></body></html>");
        assertThat(check(BASE)).containsExactly(
                "a/index.html: <title> -> missing or empty",
                "index.html: <title> -> missing or empty");
    }

    @Test
    void pageWithoutCanonicalLinkIsReported() {
        file("index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Home</title></head><body></body></html>");
        file("a/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>A</title>"
                + "<link rel=\"canonical\" href=\"/a/\"></head><body></body></html>");
        file("b/index.html", "<!DOCTYPE html><html lang=\"en\"><head><title>B</title>"
                + "<link rel=\"canonical\" href=\"https://example.org/b/\"><link rel=\"canonical\" href=\"https://example.org/\">"
                + "</head><body></body></html>");
        assertThat(check(BASE)).containsExactly(
                "a/index.html: /a/ -> canonical link is not an absolute http(s) URL",
                "b/index.html: <link rel=\"canonical\"> -> 2 canonical links; keep one",
                "index.html: <link rel=\"canonical\"> -> missing");
    }

    @Test
    void notFoundPageNeedsNoTitleOrCanonicalButItsLinksMustWork() {
        file("404.html", "<!DOCTYPE html><html lang=\"en\"><head></head><body><a href=\"/gone/\">home</a></body></html>");
        assertThat(check(BASE)).containsExactly("404.html: /gone/ -> no such page (gone/index.html)");
    }

    @Test
    void subPathSiteLinksMustStartWithTheBasePath() {
        page("index.html", "<a href=\"/news/2022/\">year</a> <a href=\"/news/\">home</a> <a href=\"/news\">home without slash</a>"
                + " <a href=\"/news/2022/13/\">bad month</a> <a href=\"/2022/\">no base path</a>"
                + " <a href=\"https://example.org/news/2022/\">absolute</a> <a href=\"https://example.org/news/gone/\">absolute broken</a>"
                + " <a href=\"https://example.org/shop/\">another part of the host</a> <script src=\"/__gazette/live.js\"></script>");
        page("2022/index.html", "<a href=\"../\">up</a> <a href=\"../../\">above the base path</a>");
        assertThat(check("https://example.org/news/")).containsExactly(
                "2022/index.html: ../../ -> outside the base path /news/",
                "index.html: /2022/ -> outside the base path /news/",
                "index.html: /news/2022/13/ -> no such page (2022/13/index.html)",
                "index.html: https://example.org/news/gone/ -> no such page (gone/index.html)");
    }

    @Test
    void externalLinksAreIgnoredButJavascriptLinksAreNot() {
        page("index.html", "<a href=\"https://other.org/missing/\">other</a> <a href=\"http://example.org/gone/\">other scheme</a>"
                + " <a href=\"https://example.org:8443/gone/\">other port</a> <script src=\"//cdn.example.net/x.js\"></script>"
                + " <a href=\"mailto:desk@example.org\">mail</a> <a href=\"tel:+998711234567\">phone</a>"
                + " <img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\"> <a href=\"ftp://example.org/x\">ftp</a>"
                + " <a href=\"javascript:void(0)\">js</a> <a href=\" JavaScript:alert(1)\">js</a>");
        assertThat(check(BASE)).containsExactly(
                "index.html: JavaScript:alert(1) -> javascript: link",
                "index.html: javascript:void(0) -> javascript: link");
    }

    @Test
    void linksAboveTheSiteRootAreReported() {
        page("index.html", "<a href=\"/%2e%2e/secret\">encoded dots</a>");
        assertThat(check(BASE)).containsExactly("index.html: /%2e%2e/secret -> above the site root");
    }

    @Test
    void problemsAreSortedByPageThenLink() {
        page("b/index.html", "<a href=\"/z/\">z</a> <a href=\"/c/\">c</a>");
        page("a/index.html", "<a href=\"/y/\">y</a>");
        page("index.html", "<a href=\"/x/\">x</a>");
        List<String> first = check(BASE);
        assertThat(first).containsExactly(
                "a/index.html: /y/ -> no such page (y/index.html)",
                "b/index.html: /c/ -> no such page (c/index.html)",
                "b/index.html: /z/ -> no such page (z/index.html)",
                "index.html: /x/ -> no such page (x/index.html)");
        assertThat(check(BASE)).isEqualTo(first);
    }

    @Test
    void reportCountsTheHtmlPages() {
        page("index.html", "");
        page("a/index.html", "");
        file("assets/style.css", "");
        CheckReport report = SiteChecker.report(out, BASE);
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void srcsetCandidatesAreSplitLikeBrowsersDo() {
        assertThat(PageScanner.srcsetUrls(" a.jpg 1x,b.jpg 2x , c.jpg")).containsExactly("a.jpg", "b.jpg", "c.jpg");
        assertThat(PageScanner.srcsetUrls("a.jpg, b.jpg 640w")).containsExactly("a.jpg", "b.jpg");
        assertThat(PageScanner.srcsetUrls("/img/x,y.jpg 1x")).containsExactly("/img/x,y.jpg");
    }
}
