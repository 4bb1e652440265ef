package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.Category;
import dev.gazette.index.Page;
import dev.gazette.index.SiteModel;
import dev.gazette.load.StaticFile;
import dev.gazette.parse.Article;
import dev.gazette.slug.Slugs;
import dev.gazette.url.SiteUrls;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the site model into output files with Pebble: one engine (its compiled templates are
 * thread-safe), pages rendered in parallel, results in a stable order.
 */
public final class SiteRenderer {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final java.util.regex.Pattern MISSING_TEMPLATE =
            java.util.regex.Pattern.compile("Could not find template \"([^\"]+)\"");

    private final SiteConfig config;
    private final SiteUrls urls;
    private final Theme theme;
    private final PebbleEngine engine;
    private final DateTimeFormatter displayDate;

    public SiteRenderer(SiteConfig config, Theme theme) {
        this.config = config;
        this.urls = SiteUrls.of(config.baseUrl());
        this.theme = theme;
        Locale locale = Locale.forLanguageTag(config.language());
        this.displayDate = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
        this.engine = new PebbleEngine.Builder()
                .loader(theme.loader())
                .strictVariables(true)
                .autoEscaping(true)
                // Never the machine's locale: output must not depend on where it is built.
                .defaultLocale(locale)
                .extension(new LinkFunctions(urls))
                .build();
    }

    /**
     * Renders every page of {@code model}, plus the theme's assets and the files under content/
     * that are published as they are. Template errors become diagnostics.
     */
    public List<OutputFile> render(SiteModel model, List<StaticFile> contentFiles, Diagnostics diagnostics) {
        Map<Article, ArticleView> views = new IdentityHashMap<>();
        Map<String, Category> categories = new HashMap<>();
        for (Category c : model.categories()) {
            categories.put(c.slug(), c);
        }
        for (Article article : model.articles()) {
            views.put(article, view(article, categories.get(article.categorySlug())));
        }
        SiteView site = new SiteView(config.title(), config.description(), config.language(), config.baseUrl(),
                config.basePath(), model.categories(), Version.get());

        List<OutputFile> out = new ArrayList<>(model.pages().parallelStream()
                .map(page -> renderPage(page, site, views, diagnostics))
                .filter(Objects::nonNull)
                .toList());
        out.addAll(theme.assets().values());
        for (StaticFile file : contentFiles) {
            out.add(OutputFile.copied(file.contentPath(), file.source(), "content/" + file.contentPath()));
        }
        return out;
    }

    private OutputFile renderPage(Page page, SiteView site, Map<Article, ArticleView> views, Diagnostics diagnostics) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", site);
        context.put("page", new PageView(page.kind(), page.title(), page.description(), urls.link(page.sitePath())));
        addPageValues(page, context, views);
        try {
            PebbleTemplate template = engine.getTemplate(page.template());
            StringWriter writer = new StringWriter(16 * 1024);
            template.evaluate(writer, context);
            String origin = page.origin().isEmpty() ? page.kind() + " page " + page.sitePath() : page.origin();
            return OutputFile.rendered(SiteUrls.outputFile(page.sitePath()),
                    writer.toString().getBytes(StandardCharsets.UTF_8), origin, page.originLine());
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : page.template();
            int line = e.getLineNumber() == null ? 0 : Math.max(0, e.getLineNumber());
            java.util.regex.Matcher missing = MISSING_TEMPLATE.matcher(templateMessage(e));
            if (line == 0 && missing.find()) {
                // Pebble gives no line for a failed include: point at the line that names it.
                line = theme.lineContaining(file, missing.group(1));
            }
            diagnostics.add(theme.describe(file), line, templateMessage(e), templateHint(e));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String templateMessage(PebbleException e) {
        String message = e.getPebbleMessage();
        if (message == null) {
            message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        return message.strip();
    }

    private static String templateHint(PebbleException e) {
        String message = String.valueOf(e.getPebbleMessage());
        if (message.contains("does not exist")) {
            return "check the spelling; the README lists the variables each template receives";
        }
        if (message.contains("Could not find") || message.contains("not found")) {
            return "add the template to templates/ or fix its name";
        }
        return null;
    }

    /** The values a page kind adds to the template context, as listed in the README. */
    private static void addPageValues(Page page, Map<String, Object> context, Map<Article, ArticleView> views) {
        if (page instanceof Page.ArticlePage p) {
            context.put("article", views.get(p.article()));
            context.put("related", viewsOf(p.related(), views));
        } else if (page instanceof Page.ListPage p) {
            context.put("articles", viewsOf(p.articles(), views));
            context.put("pagination", p.pagination());
            if (p.category() != null) {
                context.put("category", p.category());
            }
            if (p.period() != null) {
                context.put("period", p.period());
            }
        } else if (page instanceof Page.CategoriesPage p) {
            context.put("categories", p.categories());
        } else if (page instanceof Page.ArchivePage p) {
            context.put("years", p.years());
        }
    }

    private static List<ArticleView> viewsOf(List<Article> articles, Map<Article, ArticleView> views) {
        List<ArticleView> out = new ArrayList<>(articles.size());
        for (Article article : articles) {
            out.add(views.get(article));
        }
        return out;
    }

    private ArticleView view(Article a, Category category) {
        List<ArticleView.TagView> tags = new ArrayList<>(a.tags().size());
        for (String tag : a.tags()) {
            tags.add(new ArticleView.TagView(tag, Slugs.slugify(tag)));
        }
        String image = a.image() == null ? null : a.image().startsWith("/") ? urls.link(a.image()) : a.image();
        return new ArticleView(a.title(), urls.link(a.url()), a.date(), ISO.format(a.date()),
                displayDate.format(a.date()), a.updated(), format(ISO, a.updated()), format(displayDate, a.updated()),
                category, tags, a.authors(), a.summary(), a.bodyHtml(), image, a.imageAlt(),
                a.lang(), a.slug(), a.params(), a.draft());
    }

    private static String format(DateTimeFormatter f, ZonedDateTime date) {
        return date == null ? null : f.format(date);
    }

    /** {@code url(path)} and {@code asset(name)}: every link a template writes goes through {@link SiteUrls}. */
    private static final class LinkFunctions extends AbstractExtension {
        private final SiteUrls urls;

        LinkFunctions(SiteUrls urls) {
            this.urls = urls;
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of(
                    "url", new PathFunction(path -> urls.link(path.startsWith("/") ? path : "/" + path)),
                    "asset", new PathFunction(name -> urls.link("/assets/" + name)));
        }
    }

    private static final class PathFunction implements Function {
        private final java.util.function.UnaryOperator<String> link;

        PathFunction(java.util.function.UnaryOperator<String> link) {
            this.link = link;
        }

        @Override
        public List<String> getArgumentNames() {
            return List.of("path");
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            Object path = args.get("path");
            if (path == null) {
                throw new PebbleException(null, "url()/asset() needs a path", lineNumber, self.getName());
            }
            return link.apply(path.toString());
        }
    }
}
