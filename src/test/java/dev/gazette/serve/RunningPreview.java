package dev.gazette.serve;

import dev.gazette.FixtureSite;
import dev.gazette.build.BuildOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A {@link Preview} of a fixture site on a free port of 127.0.0.1, with an HTTP client for its
 * pages. Rebuilds happen in the background, so assertions about them poll with a deadline.
 */
final class RunningPreview implements AutoCloseable {

    /** How long a rebuild may take to show, generous for a loaded CI machine. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);
    /** The live-reload tag the server adds to HTML, whatever attributes it carries. */
    static final Pattern LIVE_SCRIPT = Pattern.compile("<script src=\"/__gazette/live\\.js\"[^>]*></script>");

    private final Preview preview;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private RunningPreview(FixtureSite site, int port) {
        preview = new Preview(new BuildOptions(site.root(), site.output(), null, false), "127.0.0.1", port,
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Builds the site and starts serving and watching it; fails the test if the first build failed. */
    static RunningPreview start(FixtureSite site) throws PreviewServer.StartException {
        RunningPreview running = new RunningPreview(site, 0);
        try {
            running.preview.start();
            if (running.preview.lastOutcome() == null || running.preview.lastOutcome().files() == null) {
                throw new AssertionError("the first build failed:\n" + running.err + running.out);
            }
            return running;
        } catch (RuntimeException | Error | PreviewServer.StartException e) {
            running.close();
            throw e;
        }
    }

    Preview preview() {
        return preview;
    }

    int port() {
        return preview.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** What the preview printed so far (build summaries and problems). */
    String console() {
        return out + "" + err;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> head(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page at {@code path}, which must answer 200. */
    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), uri(path).toString());
    }

    /** Polls {@code path} until {@code check} holds, and returns that response; fails after {@link #PATIENCE}. */
    HttpResponse<String> await(String path, String what, Predicate<HttpResponse<String>> check) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last;
        while (true) {
            last = get(path);
            if (check.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + PATIENCE.toSeconds() + " s, GET " + path + " still not "
                        + what + ": status " + last.statusCode() + "\n" + last.body()
                        + "\n--- preview output ---\n" + console());
            }
            pause();
        }
    }

    /** Polls until {@code path} answers 200 with a page for which {@code check} holds. */
    Document awaitPage(String path, String what, Predicate<Document> check) {
        HttpResponse<String> response = await(path, what,
                r -> r.statusCode() == 200 && check.test(Jsoup.parse(r.body(), uri(path).toString())));
        return Jsoup.parse(response.body(), uri(path).toString());
    }

    static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        preview.close();
    }
}
