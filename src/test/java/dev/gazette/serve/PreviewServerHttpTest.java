package dev.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.FixtureSite;
import dev.gazette.build.BuildOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewServerHttpTest {

    /** In gazette.yaml only as a comment, so it appears in a response only if the file itself leaked. */
    private static final String CANARY = "gazette-yaml-canary-5813";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    private static final byte[] WOFF2 = {'w', 'O', 'F', '2', 0, 1, 0, 0, (byte) 0xff, (byte) 0xfe, 0, 0};

    @TempDir
    static Path dir;
    static FixtureSite site;
    static RunningPreview preview;

    @BeforeAll
    static void start() throws Exception {
        site = FixtureSite.write(dir, """
                -- gazette.yaml --
                # %s
                title: Test Courier
                timezone: Asia/Tashkent
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                The two presidents signed the treaty in Tashkent.
                -- content/2023/03/trade.md --
                ---
                title: Trade hit a record
                date: 2023-03-01
                category: Economy
                ---
                Figures for 2022.
                -- content/files/data.json --
                {"ok": true}
                -- content/files/feed.xml --
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel/></rss>
                -- content/files/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>
                -- templates/assets/app.js --
                document.documentElement.dataset.app = "yes";
                """.formatted(CANARY));
        Files.write(dir.resolve("content/files/pixel.png"), PNG);
        Files.createDirectories(dir.resolve("templates/assets"));
        Files.write(dir.resolve("templates/assets/font.woff2"), WOFF2);
        preview = RunningPreview.start(site);
    }

    @AfterAll
    static void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/2022/12/22/treaty/index.html, text/html;charset=utf-8",
        "/assets/style.css,             text/css;charset=utf-8",
        "/assets/app.js,                text/javascript;charset=utf-8",
        "/files/feed.xml,               application/xml;charset=utf-8",
        "/files/data.json,              application/json;charset=utf-8",
        "/files/logo.svg,               image/svg+xml;charset=utf-8",
        "/files/pixel.png,              image/png",
        "/assets/font.woff2,            font/woff2",
    })
    void contentTypeFollowsTheFileExtension(String path, String type) {
        HttpResponse<String> response = preview.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue(type);
    }

    @Test
    void binaryFilesAreServedByteForByte() {
        assertThat(preview.getBytes("/files/pixel.png").body()).isEqualTo(PNG);
        assertThat(preview.getBytes("/assets/font.woff2").body()).isEqualTo(WOFF2);
    }

    @Test
    void folderUrlsServeTheirIndexPage() throws IOException {
        for (String path : new String[] {"/", "/2022/"}) {
            HttpResponse<String> response = preview.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=utf-8");
            String onDisk = Files.readString(site.outputFile(path + "index.html"));
            assertThat(withoutLiveScript(response.body())).as(path).isEqualTo(onDisk);
        }
        assertThat(preview.page("/2022/").select(".article-list h2 a").eachText())
                .containsExactly("Allied treaty signed");
    }

    @Test
    void folderWithoutSlashRedirectsPermanentlyKeepingTheQuery() {
        HttpResponse<String> response = preview.get("/2022");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(location(response)).isEqualTo("/2022/");

        HttpResponse<String> withQuery = preview.get("/2022/12?ref=nav");
        assertThat(withQuery.statusCode()).isEqualTo(301);
        assertThat(location(withQuery)).isEqualTo("/2022/12/?ref=nav");
    }

    @Test
    void unknownPathAnswers404WithTheSitesNotFoundPage() throws IOException {
        HttpResponse<String> response = preview.get("/2022/12/22/no-such-story/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(withoutLiveScript(response.body())).isEqualTo(Files.readString(site.outputFile("/404.html")));
        assertThat(preview.get("/missing.css").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../gazette.yaml",
        "/%2e%2e/gazette.yaml",
        "/assets/%2e%2e/%2e%2e/gazette.yaml",
        "/..%2fgazette.yaml",
        "/%2e%2e%2fgazette.yaml",
        "/assets/..%5c..%5cgazette.yaml",
        "//etc/passwd",
        "/files/../../gazette.yaml",
    })
    void traversalAttemptsAreRefusedWithoutLeakingFiles(String target) throws IOException {
        RawResponse response = raw(preview.port(), target);
        assertThat(response.status()).as(target).isIn(400, 404);
        assertThat(response.text()).as(target)
                .doesNotContain(CANARY)
                .doesNotContain("timezone: Asia/Tashkent")
                .doesNotContain("root:x:0:0");
    }

    @Test
    void symlinkInTheOutputFolderIsNotServed(@TempDir Path other) throws Exception {
        FixtureSite linked = FixtureSite.write(other.resolve("site-root"), """
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                Body.
                """);
        Path secret = Files.writeString(other.resolve("secret.txt"), "outside-secret-4411");
        try (RunningPreview running = RunningPreview.start(linked)) {
            Files.createSymbolicLink(linked.output().resolve("secret.txt"), secret);
            Files.createSymbolicLink(linked.output().resolve("up"), other);
            for (String path : new String[] {"/secret.txt", "/up/secret.txt"}) {
                HttpResponse<String> response = running.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("outside-secret-4411");
            }
            assertThat(running.get("/2022/12/22/treaty/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void liveReloadScriptIsInServedHtmlButNeverOnDisk() throws IOException {
        HttpResponse<String> response = preview.get("/2022/12/22/treaty/");
        Matcher script = RunningPreview.LIVE_SCRIPT.matcher(response.body());
        assertThat(script.find()).as("live-reload script in\n" + response.body()).isTrue();
        assertThat(response.body().substring(script.end()).strip()).startsWith("</body>");
        assertThat(script.find()).as("a second live-reload script").isFalse();

        for (Path file : FixtureSite.tree(site.output()).keySet().stream()
                .filter(p -> p.endsWith(".html")).map(site.output()::resolve).toList()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("__gazette");
        }

        HttpResponse<String> js = preview.get("/__gazette/live.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
        assertThat(js.body()).contains("EventSource(\"/__gazette/events\")");
        assertThat(preview.get("/__gazette/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        for (String path : new String[] {"/", "/2022/12/22/treaty/", "/assets/style.css", "/2022/12/22/gone/"}) {
            HttpResponse<String> get = preview.get(path);
            HttpResponse<String> head = preview.head(path);
            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.headers().firstValue("Content-Type")).as(path)
                    .isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValueAsLong("Content-Length")).as(path)
                    .hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    @Test
    void otherMethodsAreRefused() throws IOException {
        RawResponse response = raw(preview.port(), "/", "POST");
        assertThat(response.status()).isEqualTo(405);
    }

    @Test
    void subPathSiteIsServedUnderItsBasePathOnly(@TempDir Path other) throws Exception {
        FixtureSite news = FixtureSite.write(other, """
                -- gazette.yaml --
                title: Sub Courier
                baseUrl: https://example.org/news/
                -- content/2022/12/treaty.md --
                ---
                title: Allied treaty signed
                date: 2022-12-22 20:26
                category: Politics
                ---
                Body.
                """);
        try (RunningPreview running = RunningPreview.start(news)) {
            Document home = running.page("/news/");
            assertThat(home.select(".article-list h2 a").eachAttr("href"))
                    .containsExactly("/news/2022/12/22/treaty/");
            assertThat(running.page("/news/2022/12/22/treaty/").select("h1").text()).isEqualTo("Allied treaty signed");

            HttpResponse<String> root = running.get("/");
            assertThat(root.statusCode()).isBetween(301, 308);
            assertThat(location(root)).isEqualTo("/news/");
            HttpResponse<String> bare = running.get("/news");
            assertThat(bare.statusCode()).isBetween(301, 308);
            assertThat(location(bare)).isEqualTo("/news/");

            HttpResponse<String> outside = running.get("/2022/");
            assertThat(outside.statusCode()).isEqualTo(404);
            assertThat(outside.body()).contains("Page not found");
            assertThat(running.get("/2022/12/22/treaty/").statusCode()).isEqualTo(404);
            assertThat(running.get("/news/2022/").statusCode()).isEqualTo(200);
            assertThat(running.preview().url("127.0.0.1")).isEqualTo("http://127.0.0.1:" + running.port() + "/news/");
        }
    }

    @Test
    void secondPreviewOnTheSamePortFailsNamingThePort(@TempDir Path other) {
        FixtureSite second = FixtureSite.write(other, """
                -- content/2022/12/treaty.md --
                ---
                title: Another treaty
                date: 2022-12-22 20:26
                category: Politics
                ---
                Body.
                """);
        int port = preview.port();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Preview clash = new Preview(new BuildOptions(second.root(), second.output(), null, false),
                "127.0.0.1", port, new PrintWriter(out, true), new PrintWriter(err, true));
        try {
            assertThatThrownBy(clash::start)
                    .isInstanceOf(PreviewServer.StartException.class)
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining("already in use");
        } finally {
            clash.close();
        }
        assertThat(second.output()).as("the refused preview leaves site/ alone").doesNotExist();
        assertThat(preview.page("/2022/12/22/treaty/").select("h1").text()).isEqualTo("Allied treaty signed");
    }

    /** The Location header as a path and query, whether the server sent it absolute or relative. */
    private static String location(HttpResponse<String> response) {
        String value = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location header; status " + response.statusCode()));
        URI uri = response.uri().resolve(value);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String withoutLiveScript(String html) {
        return RunningPreview.LIVE_SCRIPT.matcher(html).replaceAll("");
    }

    /** A response read from a socket: the status and everything the server sent. */
    private record RawResponse(int status, String text) {
    }

    private static RawResponse raw(int port, String target) throws IOException {
        return raw(port, target, "GET");
    }

    /** Sends the request line exactly as given: HttpClient would normalise the path first. */
    private static RawResponse raw(int port, String target, String method) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] statusLine = text.split("\r\n", 2)[0].split(" ");
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new AssertionError("not an HTTP response to " + target + ":\n" + text);
            }
            return new RawResponse(Integer.parseInt(statusLine[1]), text);
        }
    }
}
