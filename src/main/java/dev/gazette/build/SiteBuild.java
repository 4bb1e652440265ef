package dev.gazette.build;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.SiteIndexer;
import dev.gazette.index.SiteModel;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.LoadedContent;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleParser;
import dev.gazette.render.OutputFile;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.write.OutputPaths;
import dev.gazette.write.SiteWriter;
import dev.gazette.write.WriteResult;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the pipeline load -> parse -> index -> render -> write. Any problem stops the build
 * before write, so the previous output stays exactly as it was.
 */
public final class SiteBuild {

    private SiteBuild() {
    }

    public static BuildResult run(BuildOptions options) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        String outputProblem = OutputPaths.problem(options.source(), options.output());
        if (outputProblem != null) {
            diagnostics.add("--output", 0, outputProblem, "choose another folder with --output");
            return finish(diagnostics, 0, null, start);
        }
        SiteConfig config = ConfigLoader.load(options.source(), options.baseUrl(), diagnostics);
        LoadedContent content = ContentLoader.load(options.source(), diagnostics);
        List<Article> articles = new ArticleParser(config, options.drafts()).parse(content, diagnostics);
        SiteModel model = SiteIndexer.index(articles, config);
        List<OutputFile> files = new SiteRenderer(config, new Theme(options.source()))
                .render(model, content.files(), diagnostics);
        reportCollisions(files, diagnostics);
        if (diagnostics.hasErrors()) {
            return finish(diagnostics, articles.size(), null, start);
        }
        WriteResult write = SiteWriter.write(files, options.output());
        return finish(diagnostics, articles.size(), write, start);
    }

    /** The error goes to a content file rather than a generated page, and to the later of two files. */
    private static final Comparator<OutputFile> BLAME_ORDER = Comparator
            .comparing((OutputFile f) -> f.origin().startsWith("content/"))
            .thenComparing(OutputFile::origin);

    /** Two things published at one path: name both, at the later one's source. */
    private static void reportCollisions(List<OutputFile> files, Diagnostics diagnostics) {
        Map<String, OutputFile> byPath = new HashMap<>();
        for (OutputFile file : files) {
            OutputFile other = byPath.putIfAbsent(file.path(), file);
            if (other != null) {
                OutputFile second = BLAME_ORDER.compare(other, file) <= 0 ? file : other;
                OutputFile first = second == file ? other : file;
                String where = "/" + file.path().replaceFirst("index\\.html$", "");
                diagnostics.add(second.origin(), second.originLine(),
                        "URL " + where + " is also used by " + first.origin(),
                        "give one of them another slug or date");
            }
        }
    }

    private static BuildResult finish(Diagnostics diagnostics, int articles, WriteResult write, long start) {
        return new BuildResult(diagnostics.sorted(), articles, write, Duration.ofNanos(System.nanoTime() - start));
    }
}
