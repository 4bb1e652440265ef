package dev.gazette.bench;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.SiteIndexer;
import dev.gazette.index.SiteModel;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.LoadedContent;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleParser;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Warm, in-process cost of each stage per article: runs load, parse, index and render over a
 * corpus several times in one JVM and prints the last round's times, so JIT warm-up is excluded.
 *
 * <p>Usage: {@code StageLoop SITE_DIR [ROUNDS]}
 */
public final class StageLoop {

    private StageLoop() {
    }

    public static void main(String[] args) {
        Path site = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int round = 1; round <= rounds; round++) {
            Diagnostics d = new Diagnostics();
            long t0 = System.nanoTime();
            SiteConfig config = ConfigLoader.load(site, null, d);
            LoadedContent content = ContentLoader.load(site, d);
            long t1 = System.nanoTime();
            List<Article> articles = new ArticleParser(config, false).parse(content, d);
            long t2 = System.nanoTime();
            SiteModel model = SiteIndexer.index(articles, config);
            long t3 = System.nanoTime();
            int files = new SiteRenderer(config, new Theme(site)).render(model, content.files(), java.time.Instant.now(), d).size();
            long t4 = System.nanoTime();
            int n = articles.size();
            System.out.printf(Locale.ROOT,
                    "round %d: %d articles, %d files | load %.0f ms | parse %.0f ms (%.3f ms/article) | index %.0f ms"
                            + " | render %.0f ms (%.3f ms/page)%n",
                    round, n, files, ms(t1 - t0), ms(t2 - t1), ms(t2 - t1) / n, ms(t3 - t2), ms(t4 - t3),
                    ms(t4 - t3) / model.pages().size());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
