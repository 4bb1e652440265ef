package dev.gazette.render;

import dev.gazette.cache.Hashes;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.IndexKeys;
import dev.gazette.index.Page;
import dev.gazette.index.SiteModel;
import dev.gazette.index.TemplateReads;
import dev.gazette.load.StaticFile;
import dev.gazette.parse.Article;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the site model into output files with Pebble: one engine (its compiled templates are
 * thread-safe), pages rendered in parallel, results in a stable order. Feeds, sitemaps and the
 * theme's fingerprinted assets are added here too.
 */
public final class SiteRenderer {

    private static final Pattern MISSING_TEMPLATE = Pattern.compile("Could not find template \"([^\"]+)\"");
    private static final String RSS = "application/rss+xml";
    private static final String ATOM = "application/atom+xml";

    private final SiteConfig config;
    private final SiteUrls urls;
    private final Theme theme;
    private final Assets assets;
    private final PebbleEngine engine;
    private final Map<String, RenderedPage> pageCache = new ConcurrentHashMap<>();
    private final SitemapWriter sitemaps = new SitemapWriter();
    /** This render call's teasers; render calls do not overlap. */
    private volatile Teasers teasers;
    private final String cacheKey;
    /** Each output path's fingerprint, for the next build: made anew, at its size, by each render call. */
    private volatile Map<String, String> written = new ConcurrentHashMap<>();
    private RenderCache previousBuild;
    /** Index-key hash and article fingerprints of this render call, kept for the next build. */
    private String structure = "";
    private final Map<String, Long> articleHeads = new HashMap<>();
    /**
     * The articles changed since the previous build, when no change touched the index keys (so
     * every page lists what it listed then); null otherwise. Pages showing none of them are as the
     * previous build made them, and are neither fingerprinted nor rendered again.
     */
    private volatile Set<Article> changedArticles;
    private List<Object> lastFeedKey;
    private SiteView lastSite;
    /** The pages of the last render call, to tell whether any is gone. */
    private List<Page> lastPages;
    private List<OutputFile> lastFeeds;
    private volatile java.util.function.UnaryOperator<OutputFile> pageSink;
    /** Whether the sink's stand-ins are reused by later calls (see {@link #keepRendered}). */
    private volatile boolean keepsSunkPages;
    /** The pages this call rendered into a sink whose stand-ins are kept, until {@link #keepRendered}. */
    private final Map<String, RenderedPage> renderedNow = new ConcurrentHashMap<>();
    /** The output paths of the pages the last call rendered (rather than reused); made as {@link #written}. */
    private volatile Set<String> rendered = ConcurrentHashMap.newKeySet();
    private Path previousOutput;
    private java.util.function.Predicate<String> intact;
    /** Set by {@link #reuseOnce}: the previous build is forgotten after the next render call. */
    private boolean reuseOnce;

    public SiteRenderer(SiteConfig config, Theme theme) {
        this.config = config;
        this.urls = SiteUrls.of(config.baseUrl());
        this.theme = theme;
        this.assets = new Assets(theme.assets(), SiteRenderer::bytesOf);
        this.cacheKey = Version.build() + "|" + config.withBuildTime(null) + "|" + theme.fingerprint();
        this.engine = new PebbleEngine.Builder()
                .loader(theme.loader())
                .strictVariables(true)
                .autoEscaping(true)
                // Never the machine's locale: output must not depend on where it is built.
                .defaultLocale(Locale.forLanguageTag(config.language()))
                .extension(new LinkFunctions(urls, assets))
                .extension(new TeaserFunction())
                .extension(TemplateAttributes.extension())
                .extension(PreEncoded.extension())
                .build();
    }

    /**
     * Renders every page of {@code model}, plus feeds, sitemaps (the news sitemap as of {@code now}),
     * the theme's assets and the files under content/ that are published as they are. Template errors become diagnostics. A
     * renderer remembers its output, so a page whose inputs did not change since the last call is
     * not rendered again. Calls must not overlap.
     */
    public List<OutputFile> render(SiteModel model, List<StaticFile> contentFiles, Instant now, Diagnostics diagnostics) {
        return render(model, contentFiles, now, diagnostics, null, false);
    }

    /**
     * Like {@link #render(SiteModel, List, Instant, Diagnostics)}, but every freshly rendered page
     * is handed to {@code pageSink} (when there is one) at once, and the list holds what the sink
     * returns: a large build then never keeps all pages in memory. Such pages are not remembered
     * for the next call, unless {@code keepPages}: then the sink's stand-ins are reused by later
     * calls as pages kept in memory are, once {@link #keepRendered} says they were written. The
     * preview's sink writes each page where it stays, so it keeps no page's bytes, however large
     * the site.
     */
    public List<OutputFile> render(SiteModel model, List<StaticFile> contentFiles, Instant now, Diagnostics diagnostics,
            java.util.function.UnaryOperator<OutputFile> pageSink, boolean keepPages) {
        this.pageSink = pageSink;
        this.keepsSunkPages = pageSink != null && keepPages;
        renderedNow.clear();
        // Sized up front: grown from empty, these maps were copied a dozen times over in a cold
        // build, on the threads that render.
        rendered = ConcurrentHashMap.newKeySet(model.pages().size());
        // Views are made on demand: a rebuild that reuses most pages needs few of them.
        ArticleViews articleViews = new ArticleViews(model, urls);
        int articles = model.articles().size();
        Map<String, ArticleView> bySource = new ConcurrentHashMap<>(articles);
        java.util.function.Function<Article, ArticleView> view = articleViews::view;
        java.util.function.Function<Article, ArticleView> views =
                article -> lookedUp(bySource, article.source(), article, view);
        SiteView site = new SiteView(config.title(), config.description(), config.language(), config.baseUrl(),
                config.basePath(), model.categories(), model.tags(), model.authors(), Version.get());
        teasers = new Teasers(site);

        if (!site.equals(lastSite)) {
            // Every page may show the site values: after a change of counts or of the lists of
            // tags and authors (an added or removed article), a page survives if it read none of
            // what changed. Here an article's tags and authors count as both lists.
            if (lastSite != null && site.seenWith(0).equals(lastSite.seenWith(0))) {
                boolean[] changed = new boolean[TemplateReads.ALL + 1];
                for (int reads = 0; reads <= TemplateReads.ALL; reads++) {
                    changed[reads] = !site.seenWith(reads).equals(lastSite.seenWith(reads));
                }
                pageCache.values().removeIf(kept -> changed[(kept.reads & TemplateReads.ARTICLE_TERMS) != 0
                        ? kept.reads | TemplateReads.TAG_LIST | TemplateReads.AUTHOR_LIST : kept.reads]);
            } else {
                pageCache.clear();
            }
            lastSite = site;
        }
        if (!samePagePaths(lastPages, model.pages())) {
            Set<String> present = new HashSet<>();
            model.pages().forEach(page -> present.add(page.sitePath()));
            pageCache.keySet().retainAll(present);
        }
        lastPages = model.pages();
        written = new ConcurrentHashMap<>(model.pages().size());
        FingerprintInputs inputs = previousOutput != null ? new FingerprintInputs(site, articleViews, articles) : null;
        changedArticles = previousOutput != null ? changedSincePreviousBuild(model) : null;
        // Feeds and sitemaps are made beside the pages, on a thread of their own: after the
        // pages, one core made them while the other waited.
        CompletableFuture<List<OutputFile>> feedsAndSitemaps = CompletableFuture.supplyAsync(() -> {
            List<OutputFile> made = new ArrayList<>(feeds(model));
            made.addAll(sitemaps.sitemaps(model, urls, now, previousOutput == null ? null : this::reuseOrMake));
            return made;
        }, SiteRenderer::besidePages);
        List<OutputFile> out;
        try {
            List<Page> pages = model.pages();
            OutputFile[] made = new OutputFile[pages.size()];
            onEveryCore(made.length, i -> made[i] = cachedPage(pages.get(i), inputs, site, views, diagnostics));
            out = new ArrayList<>(made.length);
            for (OutputFile file : made) {
                if (file != null) {
                    out.add(file);
                }
            }
        } finally {
            // Never left running into the next call, whose state it shares.
            feedsAndSitemaps.exceptionally(ignored -> null).join();
        }
        out.addAll(assets.files());
        try {
            out.addAll(feedsAndSitemaps.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        for (StaticFile file : contentFiles) {
            out.add(OutputFile.copied(file.contentPath(), file.source(), "content/" + file.contentPath()));
        }
        if (reuseOnce) {
            previousBuild = null;
            previousOutput = null;
            intact = null;
            reuseOnce = false;
        }
        return out;
    }

    /**
     * Runs {@code task} for each index from 0 to {@code n} on every core of the common pool and
     * this thread, each taking the next index as it is done. A parallel stream cuts the pages into
     * four parts for two cores, and a core that finished its parts sat idle while the other did
     * its last (as in the parser, whose copy of this says more).
     */
    private static void onEveryCore(int n, java.util.function.IntConsumer task) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        int workers = java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1;
        java.util.stream.IntStream.range(0, workers).parallel().forEach(worker -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                task.accept(i);
            }
        });
    }

    private static void besidePages(Runnable work) {
        Thread thread = new Thread(work, "gazette-feeds");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the pages are at the same paths as last time (then no kept page is gone). */
    private static boolean samePagePaths(List<Page> last, List<Page> pages) {
        if (last == null || last.size() != pages.size()) {
            return false;
        }
        for (int i = 0; i < pages.size(); i++) {
            if (!last.get(i).sitePath().equals(pages.get(i).sitePath())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lets this renderer reuse the pages of the build that wrote {@code output} with {@code cache}
     * (which may be null): a page whose fingerprint is unchanged, and whose file is still as that
     * build left it ({@code intact}), is taken from that output instead of rendered; {@link #cache}
     * then holds this build's fingerprints.
     */
    public void reuse(RenderCache cache, Path output, java.util.function.Predicate<String> intact) {
        this.previousOutput = output.toAbsolutePath().normalize();
        this.intact = intact;
        if (cache != null && intact != null && cache.key().equals(cacheKey + "|" + previousOutput)) {
            this.previousBuild = cache;
        }
    }

    /**
     * Records the index-key hash and the articles' fingerprints for the next build, and returns the
     * articles that changed since the previous one if none of them changed an index key.
     */
    private Set<Article> changedSincePreviousBuild(SiteModel model) {
        structure = IndexKeys.hash(model.articles());
        articleHeads.clear();
        for (Article article : model.articles()) {
            articleHeads.put(article.source(), PageFingerprints.head(article));
        }
        if (previousBuild == null || !structure.equals(previousBuild.structure)) {
            return null;
        }
        Set<Article> changed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Article article : model.articles()) {
            if (!articleHeads.get(article.source()).equals(previousBuild.articles.get(article.source()))) {
                changed.add(article);
            }
        }
        return changed;
    }

    /**
     * The feeds, written again only when one of the articles they carry changed: an edit to an
     * old article leaves them as they were, which keeps the preview's rebuilds short.
     */
    private List<OutputFile> feeds(SiteModel model) {
        List<Object> key = new ArrayList<>();
        key.add(model.categories());
        Map<String, Integer> perCategory = new HashMap<>();
        int overall = 0;
        int fullCategories = 0;
        for (Article article : model.articles()) {
            if (overall >= config.feedSize() && fullCategories == model.categories().size()) {
                break; // every feed is full: older articles are in none
            }
            if (article.noindex() || article.draft()) {
                continue;
            }
            int inCategory = perCategory.merge(article.categorySlug(), 1, Integer::sum);
            if (inCategory == config.feedSize()) {
                fullCategories++;
            }
            if (overall < config.feedSize() || inCategory <= config.feedSize()) {
                key.add(article.fingerprint());
            }
            overall++;
        }
        if (!key.equals(lastFeedKey)) {
            lastFeeds = previousOutput == null ? FeedWriter.feeds(model, urls)
                    : reuseOrMake(FeedWriter.paths(model), Hashes.sha256(key.toString()),
                            () -> FeedWriter.feeds(model, urls));
            lastFeedKey = key;
        }
        return lastFeeds;
    }

    /** See {@link KeyedFiles}; what is made is recorded under {@code key} for the next build. */
    private List<OutputFile> reuseOrMake(List<String> paths, String key,
            java.util.function.Supplier<List<OutputFile>> make) {
        paths.forEach(path -> written.put(path, key));
        if (previousBuild != null && paths.stream()
                .allMatch(path -> key.equals(previousBuild.pages.get(path)) && intact.test(path))) {
            List<OutputFile> reused = new ArrayList<>(paths.size());
            for (String path : paths) {
                reused.add(new OutputFile(path, null, previousOutput.resolve(path), "generated file " + path, 0));
            }
            return reused;
        }
        List<OutputFile> made = make.get();
        made.forEach(file -> written.put(file.path(), key));
        return made;
    }

    /**
     * Like {@link #reuse}, for the next {@link #render} call only: a renderer that keeps its pages
     * in memory (the preview) starts from the last build's files, then keeps its own. After that
     * first call the folder is the preview's to change, and a file there no longer tells what a
     * fingerprint stood for.
     */
    public void reuseOnce(RenderCache cache, Path output, java.util.function.Predicate<String> intact) {
        reuse(cache, output, intact);
        reuseOnce = true;
    }

    /** The pages the last call rendered into a sink are written where its stand-ins say: reuse them from now on. */
    public void keepRendered() {
        pageCache.putAll(renderedNow);
        renderedNow.clear();
    }

    /**
     * Forgets every file kept from earlier calls, which may stand for a file in the output folder:
     * the next call makes them all again (the folder is gone).
     */
    public void forgetOutput() {
        pageCache.clear();
        renderedNow.clear();
        lastFeedKey = null;
        lastFeeds = null;
        sitemaps.forget();
    }

    /** The output paths of the pages the last call rendered rather than reused. */
    public Set<String> renderedPaths() {
        return Set.copyOf(rendered);
    }

    /** Whether pages of a previous build can be reused (else every page will be rendered). */
    public boolean reusesPreviousBuild() {
        return previousBuild != null;
    }

    /** The fingerprints of the pages of the last {@link #render} call, to keep for the next build. */
    public RenderCache cache() {
        return new RenderCache(cacheKey + "|" + previousOutput, written, structure, articleHeads);
    }

    /**
     * Reuses the output of a page whose inputs are unchanged: in memory, an equal page record with
     * equal site values; on disk, an equal fingerprint (a hash of everything the page shows). Templates
     * and config are fixed for a renderer's life.
     */
    private OutputFile cachedPage(Page page, FingerprintInputs inputs, SiteView site,
            java.util.function.Function<Article, ArticleView> views, Diagnostics diagnostics) {
        String path = SiteUrls.outputFile(page.sitePath());
        RenderedPage inMemory = pageCache.get(page.sitePath());
        // In memory (the preview), record equality is the cheap test: unchanged articles are the
        // same instances. Fingerprints are computed only for a build that keeps them on disk.
        if (inMemory != null && (inMemory.page == page || inMemory.page.equals(page))) {
            return inMemory.file;
        }
        if (inMemory != null && (inMemory.reads & TemplateReads.OTHER_BODIES) == 0
                && PageFingerprints.sameApartFromBodies(inMemory.page, page)) {
            pageCache.put(page.sitePath(), new RenderedPage(page, inMemory.file, inMemory.reads));
            return inMemory.file;
        }
        // Fingerprinted as the previous build found the page's reads, to reuse its file; a page
        // rendered now is fingerprinted (again) by the reads it made.
        int reads = previousBuild != null ? PageFingerprints.reads(previousBuild.pages.get(path)) : TemplateReads.ALL;
        String fingerprint = previousBuild != null ? fingerprint(page, path, inputs, reads) : null;
        OutputFile file = fingerprint != null ? fromPreviousBuild(page, path, fingerprint) : null;
        if (file == null) {
            TemplateReads watch = TemplateReads.begin(page instanceof Page.ArticlePage p ? p.article() : null);
            try {
                file = renderPage(page, site, views, diagnostics);
            } finally {
                watch.end();
            }
            if (file == null) {
                return null;
            }
            if (previousOutput != null && (fingerprint == null || watch.reads() != reads)) {
                reads = watch.reads();
                fingerprint = PageFingerprints.of(page, reads, inputs);
            }
            rendered.add(path);
            if (pageSink != null && !keepsSunkPages) {
                written.put(path, fingerprint);
                return pageSink.apply(file);
            }
            if (pageSink != null) {
                // Reused only once written: a failed build's page must not pass for the file on disk.
                file = pageSink.apply(file);
                renderedNow.put(page.sitePath(), new RenderedPage(page, file, watch.reads()));
            } else {
                pageCache.put(page.sitePath(), new RenderedPage(page, file, watch.reads()));
            }
        } else if (reuseOnce) {
            // The preview keeps a page taken from the last build's output: from now on it is
            // reused by record equality, as the pages the preview rendered itself.
            pageCache.put(page.sitePath(), new RenderedPage(page, file, reads));
        }
        if (fingerprint != null) {
            written.put(path, fingerprint);
        }
        return file;
    }

    private String fingerprint(Page page, String path, FingerprintInputs inputs, int reads) {
        Set<Article> changed = changedArticles;
        if (changed != null && !PageFingerprints.shows(page, changed)) {
            String previous = previousBuild.pages.get(path);
            if (previous != null) {
                return previous;
            }
        }
        return PageFingerprints.of(page, reads, inputs);
    }

    private OutputFile fromPreviousBuild(Page page, String path, String fingerprint) {
        if (!fingerprint.equals(previousBuild.pages.get(path)) || !intact.test(path)) {
            return null;
        }
        String origin = page.origin().isEmpty() ? page.kind() + " page " + page.sitePath() : page.origin();
        return new OutputFile(path, null, previousOutput.resolve(path), origin, page.originLine());
    }

    /**
     * {@code map}'s value for {@code key}, made from {@code from} by {@code make} the first time.
     * Looked up before {@code computeIfAbsent}, which locks the map's bin even to find a value: the
     * views and the fingerprints' article hashes are asked for nearly every call (twenty articles a
     * list page, on two threads), and it was 1.3% of a cold build's CPU. Callers pass a function
     * made once, as a lambda that captures anything is a new object each time: under the quick
     * compiler, each took a call into the JVM to allocate.
     */
    private static <K, A, V> V lookedUp(Map<K, V> map, K key, A from, java.util.function.Function<A, V> make) {
        V value = map.get(key);
        return value != null ? value : map.computeIfAbsent(key, k -> make.apply(from));
    }

    /** A page kept in memory, and what its templates read ({@link TemplateReads}). */
    private record RenderedPage(Page page, OutputFile file, int reads) {
    }

    /** The site hashes and article hashes of one render call, each worked out once. */
    private static final class FingerprintInputs implements PageFingerprints.Inputs {
        private static final int SITE_READS = TemplateReads.COUNTS | TemplateReads.TAG_LIST | TemplateReads.AUTHOR_LIST;
        private final Map<Integer, String> siteHashes = new ConcurrentHashMap<>();
        private final Map<String, Long> teaserHeads;
        private final Map<String, Long> termsHeads;
        private final Map<String, Long> termsHeadsWithCounts;
        private final java.util.function.Function<Integer, String> siteHashOf;
        private final java.util.function.Function<Article, Long> termsHeadOf;
        private final java.util.function.Function<Article, Long> termsHeadWithCountsOf;

        FingerprintInputs(SiteView site, ArticleViews views, int articles) {
            this.siteHashOf = reads -> Hashes.sha256(site.seenWith(reads).toString());
            this.termsHeadOf = article -> views.termsHead(article, false);
            this.termsHeadWithCountsOf = article -> views.termsHead(article, true);
            this.teaserHeads = new ConcurrentHashMap<>(articles);
            this.termsHeads = new ConcurrentHashMap<>(articles);
            this.termsHeadsWithCounts = new ConcurrentHashMap<>(articles);
        }

        @Override
        public String siteHash(int reads) {
            int siteReads = reads & SITE_READS;
            return lookedUp(siteHashes, siteReads, siteReads, siteHashOf);
        }

        @Override
        public long teaserHead(Article article) {
            return lookedUp(teaserHeads, article.source(), article, PageFingerprints::teaserHead);
        }

        @Override
        public long termsHead(Article article, boolean counts) {
            return counts ? lookedUp(termsHeadsWithCounts, article.source(), article, termsHeadWithCountsOf)
                    : lookedUp(termsHeads, article.source(), article, termsHeadOf);
        }
    }

    private OutputFile renderPage(Page page, SiteView site, java.util.function.Function<Article, ArticleView> views, Diagnostics diagnostics) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", site);
        context.put("page", pageView(page, views));
        addPageValues(page, context, views);
        try {
            PebbleTemplate template = engine.getTemplate(page.template());
            Utf8PageWriter writer = Utf8PageWriter.ofThisThread();
            template.evaluate(writer, context);
            String origin = page.origin().isEmpty() ? page.kind() + " page " + page.sitePath() : page.origin();
            return OutputFile.rendered(SiteUrls.outputFile(page.sitePath()), writer.toByteArray(), origin,
                    page.originLine());
        } catch (PebbleException e) {
            String file = e.getFileName() != null ? e.getFileName() : page.template();
            int line = e.getLineNumber() == null ? 0 : Math.max(0, e.getLineNumber());
            Matcher missing = MISSING_TEMPLATE.matcher(templateMessage(e));
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

    /** Canonical URL, social-preview values and feeds for a page's head. */
    private PageView pageView(Page page, java.util.function.Function<Article, ArticleView> views) {
        List<FeedLink> feeds = new ArrayList<>();
        feeds.add(new FeedLink(config.title(), RSS, urls.link("/feed.xml")));
        feeds.add(new FeedLink(config.title(), ATOM, urls.link("/atom.xml")));
        String type = "website";
        String image = null;
        boolean noindex = false;
        if (page instanceof Page.ArticlePage p) {
            ArticleView article = views.apply(p.article());
            type = "article";
            image = article.absoluteImage();
            noindex = article.noindex();
        } else if (page instanceof Page.ListPage p && p.category() != null) {
            String root = "/category/" + p.category().slug() + "/";
            String title = p.category().name() + " — " + config.title();
            feeds.add(new FeedLink(title, RSS, urls.link(root + "feed.xml")));
            feeds.add(new FeedLink(title, ATOM, urls.link(root + "atom.xml")));
        }
        return new PageView(page.kind(), page.title(), page.description(), urls.link(page.sitePath()),
                urls.absolute(page.sitePath()), type, image, noindex, feeds);
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
    private static void addPageValues(Page page, Map<String, Object> context, java.util.function.Function<Article, ArticleView> views) {
        if (page instanceof Page.ArticlePage p) {
            context.put("article", views.apply(p.article()));
            context.put("related", viewsOf(p.related(), views));
        } else if (page instanceof Page.ListPage p) {
            context.put("articles", viewsOf(p.articles(), views));
            context.put("pagination", p.pagination());
            if (p.category() != null) {
                context.put("category", p.category());
            }
            if (p.term() != null) {
                context.put("term", p.term());
            }
            if (p.period() != null) {
                context.put("period", p.period());
            }
        } else if (page instanceof Page.CategoriesPage p) {
            context.put("categories", p.categories());
        } else if (page instanceof Page.TermsPage p) {
            context.put("terms", p.terms());
        } else if (page instanceof Page.ArchivePage p) {
            context.put("years", p.years());
        }
    }

    private static List<ArticleView> viewsOf(List<Article> articles, java.util.function.Function<Article, ArticleView> views) {
        List<ArticleView> out = new ArrayList<>(articles.size());
        for (Article article : articles) {
            out.add(views.apply(article));
        }
        return out;
    }

    private static byte[] bytesOf(OutputFile file) {
        try {
            return file.bytes() != null ? file.bytes() : Files.readAllBytes(file.copyFrom());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.copyFrom(), e);
        }
    }

    /** {@code url(path)} and {@code asset(name)}: every link a template writes goes through {@link SiteUrls}. */
    private static final class LinkFunctions extends AbstractExtension {
        private final SiteUrls urls;
        private final Assets assets;

        LinkFunctions(SiteUrls urls, Assets assets) {
            this.urls = urls;
            this.assets = assets;
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of(
                    "url", new PathFunction((path, line, self) -> urls.link(path.startsWith("/") ? path : "/" + path)),
                    "asset", new PathFunction((name, line, self) -> {
                        String hashed = assets.nameOf(name);
                        if (hashed == null) {
                            throw new PebbleException(null, "no asset \"" + name + "\" in templates/assets/", line,
                                    self.getName());
                        }
                        return urls.link("/assets/" + hashed);
                    }));
        }
    }

    /**
     * Each article's teaser ({@code partials/teaser.html}), rendered once per build: an article
     * appears in a dozen lists (home, category, tags, authors, year, month, day), and rendering its
     * teaser again for each took over a third of all page rendering. Teasers see {@code site} and
     * the article as {@code a}; nothing page-specific, so one rendering serves every list.
     * The {@code shared()} partials are kept here too, for the same render call.
     */
    private final class Teasers {
        private final SiteView site;
        /** {@code shared()} partials, by template name and values. */
        private final Map<List<Object>, Teaser> shared = new ConcurrentHashMap<>();

        Teasers(SiteView site) {
            this.site = site;
        }

        /** The article's teaser, kept with its view (threads may race to render it: either will do). */
        Utf8PageWriter.Encoded of(ArticleView article) throws IOException {
            if (article.keptTeaser() instanceof Teaser rendered) {
                return seen(rendered);
            }
            Teaser rendered = rendered("partials/teaser.html", Map.of("site", site, "a", article));
            article.keepTeaser(rendered);
            return rendered.html();
        }

        /**
         * {@code template} rendered with {@code site} and {@code values}, once per render call for
         * each set of values, its reads noted on every page that shows it, as a teaser's are.
         */
        Utf8PageWriter.Encoded shared(String template, Map<String, Object> values) throws IOException {
            List<Object> key = List.of(template, values);
            Teaser rendered = shared.get(key);
            if (rendered != null) {
                return seen(rendered);
            }
            Map<String, Object> context = new HashMap<>(values);
            context.put("site", site);
            rendered = rendered(template, context);
            shared.putIfAbsent(key, rendered);
            return rendered.html();
        }

        /** {@code template} rendered now, with what it read. */
        private Teaser rendered(String template, Map<String, Object> context) throws IOException {
            StringWriter writer = new StringWriter(1024);
            TemplateReads watch = TemplateReads.begin(null);
            try {
                engine.getTemplate(template).evaluate(writer, context);
            } finally {
                watch.end();
            }
            return new Teaser(new Utf8PageWriter.Encoded(writer.toString()), watch.reads());
        }

        /** A kept teaser's bytes, its template's reads noted on the page that shows it. */
        private static Utf8PageWriter.Encoded seen(Teaser teaser) {
            TemplateReads.read(teaser.reads());
            return teaser.html();
        }
    }

    /**
     * A rendered teaser (or shared partial), and what its template read. Kept encoded: each list
     * that shows it copies its bytes, where the text was encoded again for each (and a summary cut
     * with an ellipsis made it a two-byte-per-character string).
     */
    private record Teaser(Utf8PageWriter.Encoded html, int reads) {
    }

    /**
     * {@code teaser(article)}: the article's teaser, as {@link Teasers} keeps it; and
     * {@code shared(template, values)}: a partial that only the site and a few values decide, such
     * as the default theme's navigation (a sixth of the time of each page when every page
     * rendered it).
     */
    private final class TeaserFunction extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("teaser", teaserFunction(), "shared", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of("template", "values");
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int lineNumber) {
                    if (!(args.get("template") instanceof String template)
                            || !(args.get("values") instanceof Map<?, ?> given)) {
                        throw new PebbleException(null, "shared() takes a template's name and a map of values,"
                                + " e.g. shared('partials/nav.html', {'kind': page.kind})", lineNumber, self.getName());
                    }
                    Map<String, Object> values = new HashMap<>();
                    for (Map.Entry<?, ?> value : given.entrySet()) {
                        Object v = value.getValue();
                        // The values are the key the rendering is kept under: plain values only.
                        if (!(value.getKey() instanceof String name) || name.equals("site")
                                || !(v == null || v instanceof String || v instanceof Boolean || v instanceof Number)) {
                            throw new PebbleException(null, "shared() values are named by text other than 'site',"
                                    + " and are text, numbers, true/false or null; got " + value.getKey() + " = "
                                    + (v == null ? "null" : v.getClass().getSimpleName()), lineNumber, self.getName());
                        }
                        values.put(name, v);
                    }
                    try {
                        return teasers.shared(template, java.util.Collections.unmodifiableMap(values));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }

        private Function teaserFunction() {
            return new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return List.of("article");
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int lineNumber) {
                    if (!(args.get("article") instanceof ArticleView article)) {
                        throw new PebbleException(null, "teaser() needs an article of a list", lineNumber, self.getName());
                    }
                    try {
                        return teasers.of(article);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }
    }

    /** A link function of one path argument. */
    private interface LinkMaker {
        String link(String path, int line, PebbleTemplate self);
    }

    private static final class PathFunction implements Function {
        private final LinkMaker link;

        PathFunction(LinkMaker link) {
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
            return link.link(path.toString(), lineNumber, self);
        }
    }
}
