package dev.gazette.build;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.diag.Diagnostic;
import dev.gazette.diag.Diagnostics;
import dev.gazette.index.SiteIndexer;
import dev.gazette.index.SiteModel;
import dev.gazette.load.ContentLoader;
import dev.gazette.load.KnownSources;
import dev.gazette.load.LoadedContent;
import dev.gazette.load.TreeStamp;
import dev.gazette.parse.Article;
import dev.gazette.parse.ArticleParser;
import dev.gazette.parse.ParseCache;
import dev.gazette.render.RenderCache;
import dev.gazette.render.Version;
import dev.gazette.render.OutputFile;
import dev.gazette.render.SiteRenderer;
import dev.gazette.render.Theme;
import dev.gazette.write.OutputPaths;
import dev.gazette.write.OutputState;
import dev.gazette.write.PageUpdates;
import dev.gazette.write.SiteWriter;
import dev.gazette.write.Staging;
import dev.gazette.write.WriteResult;
import dev.gazette.write.WrittenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one site again and again, as the preview server does. It keeps each stage's work: an
 * unchanged article is not parsed again and a page whose inputs did not change is not rendered
 * again. A change to the config or templates starts from scratch. One build at a time.
 */
public final class BuildSession {

    /** The error goes to a content file rather than a generated page, and to the later of two files. */
    private static final Comparator<OutputFile> BLAME_ORDER = Comparator
            .comparing((OutputFile f) -> f.origin().startsWith(ContentLoader.CONTENT_DIR + "/"))
            .thenComparing(OutputFile::origin);

    /** Gazette's own folder in a site (git-ignored): caches, and the build daemon's socket. */
    public static final String STATE_DIR = ".gazette";

    /** Where caches live between runs, under the site folder. */
    public static final String CACHE_DIR = STATE_DIR + "/cache";

    /** The file under {@link #CACHE_DIR} that records the output folder (see {@link OutputState}). */
    static final String OUTPUT_STATE = "output";
    /** The parse cache's file in {@link #CACHE_DIR}; its bodies lie beside it ({@link ParseCache#bodiesOf}). */
    static final String PARSE_CACHE = "parse.bin";

    /** Parse results that may go unsaved: re-parsing this many files is cheaper than the save. */
    private static final int SMALL_PARSE_CHANGE = 64;

    private final BuildOptions options;
    private final boolean persistCaches;
    /** What the output folder held before this build, checked on disk (null: unknown). */
    private OutputState outputState;
    /** The pages' fingerprints as the last successful build wrote them (null before one). */
    private RenderCache lastWritten;
    /** The output folder as the last successful build left it and recorded it (null before one). */
    private OutputState lastState;
    /** Whether the last build rewrote the parse cache (see {@link #saveParses}). */
    private volatile boolean rewroteParses;
    private SiteConfig config;
    private List<Diagnostic> configProblems = List.of();
    private ArticleParser parser;
    private SiteRenderer renderer;
    private LoadedContent content;
    private List<OutputFile> written;
    private SiteModel model;
    private Instant validUntil;
    /** When content/ was listed: files changed shortly before are not trusted by size and time later. */
    private Instant listedAt;
    /** What the last listing of all of {@code content/} saw (see {@link UpToDate#stamp}); null if none. */
    private TreeStamp contentStamp;
    /** The preview's view of the output folder before its first write: what the last build left there. */
    private volatile OutputState previewStart;

    /** A session that keeps its caches in memory only (the preview server). */
    public BuildSession(BuildOptions options) {
        this(options, false);
    }

    /**
     * @param persistCaches read the caches of the previous run from {@code .gazette/cache} and
     *     write them back after a successful build, so the next {@code gazette build} skips
     *     unchanged work
     */
    public BuildSession(BuildOptions options, boolean persistCaches) {
        this(options, persistCaches, null);
    }

    /**
     * @param outputState what the output folder holds of the last build, checked on disk (null:
     *     unknown); pages are reused only from intact files
     */
    BuildSession(BuildOptions options, boolean persistCaches, OutputState outputState) {
        this.options = options;
        this.persistCaches = persistCaches;
        this.outputState = outputState;
    }

    /** The config of the last build (defaults before the first). */
    public synchronized SiteConfig config() {
        return config != null ? config : SiteConfig.defaults();
    }

    /** Reads config, templates and every content file again, then builds. */
    public synchronized BuildOutcome rebuildAll() {
        return build(null);
    }

    /**
     * Builds after the given files or folders changed (added, modified or deleted). Changes under
     * {@code content/} reload only those files; a template change renders every page again but
     * keeps the parsed articles; any other change (the config) rebuilds everything.
     */
    public synchronized BuildOutcome rebuild(Set<Path> changed) {
        if (content == null) {
            return build(null);
        }
        Path contentDir = absolute(options.source().resolve(ContentLoader.CONTENT_DIR));
        Path templatesDir = absolute(options.source().resolve(Theme.TEMPLATES_DIR));
        Set<Path> contentChanges = new java.util.HashSet<>();
        for (Path path : changed) {
            Path p = absolute(path);
            if (p.startsWith(contentDir) && !p.equals(contentDir)) {
                contentChanges.add(p);
            } else if (p.startsWith(templatesDir)) {
                renderer = new SiteRenderer(config, new Theme(options.source()));
            } else {
                return build(null);
            }
        }
        return build(contentChanges);
    }

    /**
     * Builds again in a build daemon, which keeps this session between {@code gazette build} runs
     * of its site, as a one-off build would after {@code changed} (the files under
     * {@code content/} that {@link ContentLoader#changedSince} found in a walk started at
     * {@code listedAt}, which filled {@code stamp}), when the config and templates are as this
     * session read them and no other build wrote the output folder since its last successful
     * build: {@code output} is what that build left there, checked now (a page changed by hand
     * since is made and written again). Nothing is read from the caches on disk: the parses, the
     * index and the pages' fingerprints are this session's own.
     */
    synchronized BuildOutcome rebuildKept(Set<Path> changed, OutputState output, Instant listedAt, TreeStamp stamp) {
        outputState = output;
        this.listedAt = listedAt;
        contentStamp = stamp;
        // Written as a one-off build writes: each file compared with the one on disk, so that only
        // changed bytes are written, and the files the last build wrote but this one does not
        // make are removed.
        written = null;
        // Pages come from that output by fingerprint, as from the render cache on disk; none
        // stays in memory from one build to the next.
        renderer.forgetOutput();
        renderer.reuse(lastWritten, options.output(), output::isIntact);
        return build(changed);
    }

    /** The output folder as the last successful build left it (null before one). */
    synchronized OutputState lastState() {
        return lastState;
    }

    /**
     * Whether the last build rewrote the parse cache: the session's parses then point into a body
     * file that is no longer the cache's, which stays on disk, unnamed, while the session is open.
     */
    synchronized boolean rewroteParseCache() {
        return rewroteParses;
    }

    /** The content as the last build listed and read it. */
    synchronized LoadedContent content() {
        return content;
    }

    static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private BuildOutcome build(Set<Path> changedContent) {
        try (BuildLock lock = BuildLock.acquire(options.source(), () -> { })) {
            return buildLocked(changedContent);
        }
    }

    private BuildOutcome buildLocked(Set<Path> changedContent) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        String outputProblem = OutputPaths.problem(options.source(), options.output());
        if (outputProblem != null) {
            diagnostics.add("--output", 0, outputProblem, "choose another folder with --output");
            return failed(diagnostics, 0, start);
        }
        StageTimer timer = new StageTimer();
        CompletableFuture<SiteRenderer> madeRenderer = null;
        if (changedContent == null) {
            // A one-off build lists content/ on a thread of its own while the config is read and
            // the caches and the theme load: the listing needs none of them.
            listedAt = Instant.now();
            TreeStamp stamp = new TreeStamp();
            CompletableFuture<LoadedContent> listing = persistCaches ? CompletableFuture.supplyAsync(
                    () -> ContentLoader.list(options.source(), KnownSources.load(cacheDir().resolve("sources")), stamp),
                    SiteBuild::startThread) : null;
            Diagnostics configDiagnostics = new Diagnostics();
            config = ConfigLoader.load(options.source(), options.baseUrl(), configDiagnostics);
            if (options.now() != null) {
                config = config.withBuildTime(options.now());
            }
            configProblems = configDiagnostics.sorted();
            String parseKey = ArticleParser.cacheKey(config, options.drafts(), Version.build());
            if (parser != null) {
                parser.cache().close();
            }
            // The caches and the theme load on the other core while content/ is listed.
            SiteConfig built = config;
            CompletableFuture<ParseCache> parseCache = CompletableFuture.supplyAsync(() -> {
                if (!persistCaches) {
                    // The preview starts from the last build's parses (read, never written back):
                    // on a large site, parsing every article was most of its start-up.
                    return ParseCache.loadPrivately(cacheDir().resolve(PARSE_CACHE), parseKey, cacheDir());
                }
                ParseCache loaded = ParseCache.load(cacheDir().resolve(PARSE_CACHE), parseKey);
                // A one-off build keeps new bodies on disk rather than in memory.
                loaded.keepBodiesIn(cacheDir());
                return loaded;
            });
            madeRenderer = CompletableFuture.supplyAsync(() -> {
                SiteRenderer made = new SiteRenderer(built, new Theme(options.source()));
                if (persistCaches) {
                    made.reuse(RenderCache.load(cacheDir().resolve("render.bin")), options.output(),
                            outputState == null ? null : outputState::isIntact);
                } else if (written == null) {
                    // The preview starts from the pages the last `gazette build` left intact, as
                    // long as nothing but builds changed the folder since (its first write ends that).
                    previewStart = OutputState.check(cacheDir().resolve(OUTPUT_STATE), options.output());
                    if (previewStart != null) {
                        made.reuseOnce(RenderCache.load(cacheDir().resolve("render.bin")), options.output(),
                                previewStart::isIntact);
                    }
                }
                return made;
            });
            // The parser too (its Markdown parsers compile many regular expressions): parsing
            // waits for the listing, not for them.
            CompletableFuture<ArticleParser> articleParser =
                    parseCache.thenApply(cache -> new ArticleParser(built, options.drafts(), cache));
            // A one-off build leaves each file to be read as it is parsed; the preview reads them
            // all now, to reload single files later. It keeps their hashes, not their texts (half a
            // gigabyte for a 100,000-article archive): the parser reads again a file it must parse.
            content = listing != null ? joined(listing) : ContentLoader.load(options.source(), diagnostics).withoutTexts();
            contentStamp = listing != null ? stamp : null;
            parser = joined(articleParser);
        } else {
            if (!changedContent.isEmpty()) {
                content = ContentLoader.update(content, options.source(), changedContent, diagnostics).withoutTexts();
            }
        }
        // "reload": only the changed files were read (in the preview, or in a build daemon's kept session).
        timer.lap(changedContent == null ? "load" : "reload");
        // Config problems stay until the config is fixed, whatever else is rebuilt meanwhile.
        configProblems.forEach(diagnostics::add);
        List<Article> articles;
        try {
            articles = parser.parse(content, diagnostics);
        } finally {
            // The renderer is made beside the parse, which does not need it, and is never left
            // being made into the next build.
            if (madeRenderer != null) {
                madeRenderer.exceptionally(ignored -> null).join();
            }
        }
        if (madeRenderer != null) {
            renderer = joined(madeRenderer);
        }
        timer.lap("parse");
        // The parses are saved beside the rest of the build: indexing keeps one core busy at most.
        CompletableFuture<Void> parsesSaved = persistCaches
                ? CompletableFuture.runAsync(() -> saveParses(content), SiteBuild::startThread)
                : CompletableFuture.completedFuture(null);
        BuildOutcome outcome;
        try {
            outcome = afterParse(changedContent, articles, diagnostics, timer, start);
        } catch (RuntimeException | Error e) {
            parsesSaved.exceptionally(ignored -> null).join();
            throw e;
        }
        joined(parsesSaved);
        return outcome;
    }

    private BuildOutcome afterParse(Set<Path> changedContent, List<Article> articles, Diagnostics diagnostics,
            StageTimer timer, long start) {
        SiteModel model = SiteIndexer.index(articles, config, changedContent == null ? null : this.model);
        timer.lap("index");
        Instant now = config.buildTime() != null ? config.buildTime() : Instant.now();
        // A one-off build that must render every page streams them to disk as they come, so a
        // large archive never sits in memory whole.
        boolean renderAll = persistCaches && !renderer.reusesPreviousBuild();
        boolean swapIn = renderAll && SiteWriter.canSwap(options.output());
        Staging staging = swapIn ? Staging.begin(options.output(), model.pages().size()) : null;
        if (!persistCaches && written != null && !Files.isDirectory(options.output())) {
            // Someone deleted the preview's output folder: the pages it kept stood for files there.
            renderer.forgetOutput();
            written = null;
        }
        // So does the preview, next to the output folder, keeping and serving a stand-in that names
        // the page's file (2.5 GB of pages for 100,000 articles did not fit in its heap); the pages
        // are moved in once the build has succeeded. So does a build into a folder that cannot be
        // swapped (a link, a mount point).
        PageUpdates updates = !persistCaches || renderAll && !swapIn ? PageUpdates.begin(options.output()) : null;
        WrittenFiles pending = staging != null ? staging : updates;
        List<OutputFile> files;
        try {
            files = renderer.render(model, content.files(), now, diagnostics, pending != null ? pending::add : null,
                    !persistCaches);
        } catch (RuntimeException | Error e) {
            // Out of memory too: by now the pages being rendered are garbage, and the half-made
            // site must not be left beside the output.
            if (pending != null) {
                pending.abort();
            }
            throw e;
        }
        boolean samePaths = written != null && OutputFile.samePaths(written, files);
        // The previous build had no two files at one path; the same paths cannot collide now.
        if (!samePaths) {
            reportCollisions(files, diagnostics);
        }
        timer.lap("render");
        if (diagnostics.hasErrors()) {
            if (pending != null) {
                pending.abort();
            }
            return failed(diagnostics, articles.size(), start);
        }
        // The preview records its files, and which of them the last build left as they are (see
        // afterPreview), so that the next build reuses those; again whenever its set of files
        // changes. A file it rewrites later no longer has its recorded size and time.
        boolean recordPreview = !persistCaches && previewStart != null && !samePaths;
        if (persistCaches || written == null || recordPreview) {
            // The folder is about to change, and its record is written again only after a
            // successful write: until then the next build lists the folder rather than miss files
            // to remove. A build that fails before this point keeps it.
            OutputState.forget(cacheDir().resolve(OUTPUT_STATE));
        }
        int pagesMoved = 0;
        if (updates != null) {
            pagesMoved = updates.commit();
            renderer.keepRendered();
        }
        WriteResult write = staging != null ? staging.commit(files, outputState)
                : written == null ? SiteWriter.write(files, options.output(), persistCaches ? outputState : previewStart)
                : SiteWriter.update(written, files, options.output());
        // The pages moved into place count as written, not as left unchanged.
        write = new WriteResult(write.written() + pagesMoved, write.unchanged() - pagesMoved, write.removed());
        if (recordPreview) {
            try {
                previewStart.afterPreview(options.output(), files).save(cacheDir().resolve(OUTPUT_STATE));
            } catch (java.io.UncheckedIOException e) {
                // A read-only cache folder: the next build lists the output folder and renders every page.
            }
        }
        timer.lap("write");
        written = files;
        this.model = model;
        validUntil = config.buildTime() != null ? null : nextNewsChange(model.articles(), now);
        if (persistCaches) {
            saveCaches(files, pending);
            timer.lap("save");
        }
        BuildResult result = new BuildResult(List.of(), articles.size(), write,
                Duration.ofNanos(System.nanoTime() - start), timer.laps());
        return new BuildOutcome(result, files);
    }

    /** The future's value; its failure rethrown as it was thrown. */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Releases the files the caches hold open. The session builds nothing after this. */
    public synchronized void close() {
        if (parser != null) {
            parser.cache().close();
        }
    }

    /**
     * The first moment after {@code now} at which the news sitemap would change by the clock alone:
     * an article's publication time or the end of its 48 hours. Null when none is ahead.
     *
     * @param articles newest first
     */
    static Instant nextNewsChange(List<Article> articles, Instant now) {
        Instant next = null;
        for (Article article : articles) {
            Instant published = article.date().toInstant();
            if (!published.plus(Duration.ofHours(48)).isAfter(now)) {
                break; // newest first: nothing older changes any more
            }
            for (Instant change : new Instant[] {published, published.plus(Duration.ofHours(48))}) {
                if (change.isAfter(now) && (next == null || change.isBefore(next))) {
                    next = change;
                }
            }
        }
        return next;
    }

    /** How many articles the last build parsed afresh or dropped (see {@link ArticleParser#lastChanges}). */
    synchronized int lastParseChanges() {
        return parser.lastChanges();
    }

    /** The output paths of the pages the last build rendered rather than reused. */
    synchronized Set<String> lastRenderedPages() {
        return renderer.renderedPaths();
    }

    /** {@link #contentStamp}, and when that listing started. */
    synchronized TreeStamp contentStamp() {
        return contentStamp;
    }

    synchronized Instant listedAt() {
        return listedAt;
    }

    /** When the output of the last build starts depending on the clock (null: it does not). */
    synchronized Instant validUntil() {
        return validUntil;
    }

    private Path cacheDir() {
        return options.source().resolve(CACHE_DIR);
    }

    /**
     * Keeps this build's pages for the next run ({@code staged}: the new site the files were
     * written to, or the pages moved into the folder, which know their stamps; or null); a cache
     * that cannot be written only costs time. The two files are independent and written side by
     * side: each is mostly CPU work in a JVM that has barely compiled anything yet.
     */
    private void saveCaches(List<OutputFile> files, WrittenFiles staged) {
        lastWritten = renderer.cache();
        List<Runnable> saves = List.of(
                () -> {
                    lastState = OutputState.after(options.output(), files, outputState, staged);
                    lastState.save(cacheDir().resolve(OUTPUT_STATE));
                },
                () -> lastWritten.save(cacheDir().resolve("render.bin")));
        saves.parallelStream().forEach(BuildSession::saveQuietly);
    }

    /** Keeps the parses and the sources' hashes for the next run, whether or not this build succeeds. */
    private void saveParses(LoadedContent sources) {
        Path parseCache = cacheDir().resolve(PARSE_CACHE);
        // Rewriting the whole parse cache costs about as much as parsing a few hundred articles:
        // after a small edit it is left as it is, and the next build parses those files again.
        rewroteParses = parser.lastChanges() > SMALL_PARSE_CHANGE || !java.nio.file.Files.isRegularFile(parseCache);
        if (rewroteParses) {
            saveQuietly(() -> parser.cache().save(parseCache));
        }
        saveQuietly(() -> KnownSources.save(cacheDir().resolve("sources"), sources, parser.cache()::hashOf, listedAt));
    }

    private static void saveQuietly(Runnable save) {
        try {
            save.run();
        } catch (java.io.UncheckedIOException e) {
            // A read-only site folder: the next build starts cold, nothing else changes.
        }
    }

    private static BuildOutcome failed(Diagnostics diagnostics, int articles, long start) {
        return new BuildOutcome(new BuildResult(diagnostics.sorted(), articles, null,
                Duration.ofNanos(System.nanoTime() - start), Map.of()), null);
    }

    /** Two things published at one path: name both, at the source that should change. */
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
}
