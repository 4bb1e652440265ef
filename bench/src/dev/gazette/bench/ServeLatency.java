package dev.gazette.bench;

import dev.gazette.build.BuildOptions;
import dev.gazette.render.Theme;
import dev.gazette.serve.Preview;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the preview loop as an editor feels it: the time from saving a file to the moment
 * open browser tabs are told to reload (the server-sent event arrives), for an article edit and
 * for a template edit, on the site in SITE_DIR (make one with CorpusGenerator).
 *
 * <p>Usage: {@code ServeLatency SITE_DIR [EDITS]}
 */
public final class ServeLatency {

    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private ServeLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path article = pickArticle(site);
        Path templates = site.resolve("templates");
        Files.createDirectories(templates);
        Path articleTemplate = templates.resolve("article.html");

        boolean verbose = System.getenv("GAZETTE_BENCH_VERBOSE") != null;
        PrintWriter quiet = verbose ? new PrintWriter(System.out, true) : new PrintWriter(Writer.nullWriter());
        long startBuild = System.nanoTime();
        try (Preview preview = new Preview(new BuildOptions(site, site.resolve("site"), null, false),
                "127.0.0.1", 0, quiet, quiet)) {
            preview.printTimings(verbose);
            preview.start();
            System.out.printf(Locale.ROOT, "initial build in the server: %.0f ms%n", (System.nanoTime() - startBuild) / 1e6);
            // As when one starts writing a few seconds after `gazette serve`: its warm-up is over.
            long startWarmUp = System.nanoTime();
            preview.awaitWarmUp(java.time.Duration.ofMinutes(2));
            System.out.printf(Locale.ROOT, "warm-up after it: %.0f ms%n", (System.nanoTime() - startWarmUp) / 1e6);
            BlockingQueue<Long> versions = new LinkedBlockingQueue<>();
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + "/__gazette/events")).build();
            HttpResponse<java.io.InputStream> stream = client.send(events, HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> readVersions(stream, versions), "sse-reader");
            reader.setDaemon(true);
            reader.start();
            long version = versions.take();

            String original = Files.readString(article);
            List<Double> articleTimes = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                Thread.sleep(150);
                long t0 = System.nanoTime();
                Files.writeString(article, original + "\nEdit number " + i + " for the benchmark.\n");
                version = awaitNewer(versions, version);
                articleTimes.add((System.nanoTime() - t0) / 1e6);
                quiet.printf(Locale.ROOT, "edit %d: reload after %.1f ms%n", i, articleTimes.get(i));
            }
            Files.writeString(article, original);
            version = awaitNewer(versions, version);

            // A copy of the theme's article template, made only now: the start above is the usual
            // one, from the pages of the last `gazette build` with the same theme.
            Files.write(articleTemplate, Theme.packagedFiles().get("article.html"));
            version = awaitNewer(versions, version);
            String template = Files.readString(articleTemplate);
            List<Double> templateTimes = new ArrayList<>();
            for (int i = 0; i < Math.max(3, edits / 5); i++) {
                Thread.sleep(150);
                long t0 = System.nanoTime();
                Files.writeString(articleTemplate, template + "{# edit " + i + " #}\n");
                version = awaitNewer(versions, version);
                templateTimes.add((System.nanoTime() - t0) / 1e6);
            }
            Files.writeString(articleTemplate, template);
            print("article edit -> reload", articleTimes);
            print("template edit -> reload", templateTimes);
        } finally {
            Files.deleteIfExists(articleTemplate);
            Files.deleteIfExists(templates);
        }
        System.exit(0);
    }

    private static Path pickArticle(Path site) throws Exception {
        try (Stream<Path> files = Files.walk(site.resolve("content"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
    }

    private static void readVersions(HttpResponse<java.io.InputStream> stream, BlockingQueue<Long> versions) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = VERSION.matcher(line);
                if (line.startsWith("data:") && m.find()) {
                    versions.add(Long.parseLong(m.group(1)));
                }
            }
        } catch (Exception e) {
            // The server closed the stream at the end of the run.
        }
    }

    private static long awaitNewer(BlockingQueue<Long> versions, long version) throws InterruptedException {
        while (true) {
            Long v = versions.poll(30, TimeUnit.SECONDS);
            if (v == null) {
                throw new IllegalStateException("no reload within 30 s");
            }
            if (v > version) {
                return v;
            }
        }
    }

    private static void print(String label, List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-24s median %6.1f ms   p90 %6.1f ms   min %6.1f ms   (%d edits)%n", label,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.9))),
                sorted.get(0), sorted.size());
    }
}
