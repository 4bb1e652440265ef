package dev.gazette.parse;

import dev.gazette.cache.Hashes;
import dev.gazette.config.SiteConfig;
import dev.gazette.config.YamlNode;
import dev.gazette.config.YamlReader;
import dev.gazette.diag.Diagnostics;
import dev.gazette.load.LoadedContent;
import dev.gazette.load.SourceFile;
import dev.gazette.load.StaticFile;
import dev.gazette.slug.Slugs;
import dev.gazette.url.SiteUrls;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses articles: front matter into fields, Markdown into HTML. Works in two passes over all
 * files, because a relative link to another article's {@code .md} file becomes that article's URL,
 * which depends on its front matter.
 */
public final class ArticleParser {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "date", "category", "tags", "author",
            "summary", "slug", "draft", "noindex", "updated", "image", "imageAlt", "lang");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int SUMMARY_LENGTH = 200;

    private final SiteConfig config;
    private final SiteUrls urls;
    private final boolean includeDrafts;
    private final MarkdownRenderer markdown = MarkdownRenderer.shared();
    private final ParseCache cache;
    private int keepBodiesUpTo = KEEP_BODIES_UP_TO;
    private int lastChanges;
    private LastParse last;
    /** For tests: how many bodies were rendered in a second pass so far. */
    private final java.util.concurrent.atomic.AtomicInteger secondPassBodies = new java.util.concurrent.atomic.AtomicInteger();
    /** For tests: how many bodies the first pass rendered in vain so far (see {@link #mayLinkToAnArticle}). */
    private final java.util.concurrent.atomic.AtomicInteger firstPassTriesLost = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param includeDrafts keep articles marked {@code draft: true} (the {@code --drafts} option)
     */
    public ArticleParser(SiteConfig config, boolean includeDrafts) {
        this(config, includeDrafts, new ParseCache(""));
    }

    /** A parser that starts from (and fills) {@code cache}; see {@link #cacheKey}. */
    public ArticleParser(SiteConfig config, boolean includeDrafts, ParseCache cache) {
        this.config = config;
        this.urls = SiteUrls.of(config.baseUrl());
        this.includeDrafts = includeDrafts;
        this.cache = cache;
    }

    /**
     * Makes the Markdown parsers that every ArticleParser shares, unless they are made already.
     * Building them compiles many regular expressions, a tenth of a second in a fresh JVM: a
     * build's launch calls this on a thread of its own while the command line is read, when one
     * core has nothing else to do.
     */
    public static void prepare() {
        MarkdownRenderer.shared();
    }

    /** What a cached parse depends on besides each file's text. */
    public static String cacheKey(SiteConfig config, boolean includeDrafts, String version) {
        return version + "|" + includeDrafts + "|" + config.withBuildTime(null);
    }

    public ParseCache cache() {
        return cache;
    }

    /** How many cache entries the last call added, replaced or dropped. */
    public int lastChanges() {
        return lastChanges;
    }


    /**
     * Parses every article of {@code content}, in path order; bad files are reported and left out.
     * Files whose text is unchanged since the cache was filled are not parsed again, as long as
     * their relative links still resolve the same way. Calls must not overlap.
     */
    public List<Article> parse(LoadedContent content, Diagnostics diagnostics) {
        List<Article> quick = reparseChanged(content, diagnostics);
        return quick != null ? quick : parseAll(content, diagnostics);
    }

    private List<Article> parseAll(LoadedContent content, Diagnostics diagnostics) {
        List<SourceFile> files = content.articles();
        int n = files.size();
        Map<String, ParseCache.Entry> previous = new HashMap<>(cache.entries);
        boolean keepBodies = n <= keepBodiesUpTo;
        Set<String> staticFiles = staticPaths(content);
        LinkTargets early = new LinkTargets(null, null, staticFiles);
        Item[] items = new Item[n];
        onEveryCore(n, i -> items[i] = item(files.get(i), previous.get(files.get(i).path()), keepBodies, early,
                diagnostics));
        Map<String, String> articleUrls = new HashMap<>();
        Set<String> drafts = new HashSet<>();
        String[] itemUrls = new String[n];
        boolean[] itemDrafts = new boolean[n];
        for (int i = 0; i < n; i++) {
            Item item = items[i];
            if (item == null) {
                continue;
            }
            itemUrls[i] = item.url();
            itemDrafts[i] = item.draft();
            if (item.draft() && !includeDrafts) {
                drafts.add(item.file.contentPath());
            } else {
                articleUrls.put(item.file.contentPath(), item.url());
            }
        }
        LinkTargets targets = new LinkTargets(articleUrls, drafts, staticFiles);
        Map<String, ParseCache.Entry> next = new java.util.concurrent.ConcurrentHashMap<>();
        // Each item is dropped once its article exists, so the headers' copies of the text do not
        // all stay in memory until the end (a 100,000-article archive is gigabytes of text).
        Article[] articles = new Article[n];
        onEveryCore(n, i -> {
            Item item = items[i];
            items[i] = null;
            articles[i] = item == null ? null : article(item, targets, next, diagnostics);
        });
        int changed = 0;
        for (Map.Entry<String, ParseCache.Entry> entry : next.entrySet()) {
            if (previous.get(entry.getKey()) != entry.getValue()) {
                changed++;
            }
        }
        changed += (int) previous.keySet().stream().filter(path -> !next.containsKey(path)).count();
        lastChanges = changed;
        cache.entries.clear();
        cache.entries.putAll(next);
        last = new LastParse(files, staticFiles, itemUrls, itemDrafts, targets, articles);
        return present(articles);
    }

    /**
     * The preview's path for a save: when the files are the same as in the last call and the
     * changed ones keep their URL and draft state, every other article's links resolve as they
     * did, so only the changed files (and those that failed or were drafts, whose problems are
     * reported again) go through the parser. Walking every article's cache entry instead took
     * 15-45 ms of a 50-130 ms rebuild on 10,000 articles. Null when the full pass is needed.
     */
    private List<Article> reparseChanged(LoadedContent content, Diagnostics diagnostics) {
        LastParse before = last;
        List<SourceFile> files = content.articles();
        if (before == null || files.size() != before.files.size()) {
            return null;
        }
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile now = files.get(i);
            SourceFile then = before.files.get(i);
            if (now != then && !now.path().equals(then.path())) {
                return null;
            }
            // A file that gave no article is read again, so its problems are reported again;
            // an unchanged draft would only give the same nothing.
            boolean draft = before.itemDrafts[i] && !includeDrafts;
            if (now != then || before.articles[i] == null && !draft) {
                again.add(i);
            }
        }
        // Many changes (a branch switched): the full pass, which runs on every core, is as quick.
        if (again.size() > 100 || !staticPaths(content).equals(before.staticFiles)) {
            return null;
        }
        Diagnostics found = new Diagnostics();
        Item[] items = new Item[again.size()];
        for (int k = 0; k < items.length; k++) {
            int i = again.get(k);
            SourceFile file = files.get(i);
            items[k] = item(file, cache.entries.get(file.path()), true, null, found);
            boolean draft = items[k] != null && items[k].draft();
            if (!Objects.equals(items[k] == null ? null : items[k].url(), before.itemUrls[i])
                    || draft != before.itemDrafts[i]) {
                return null; // links elsewhere may resolve differently now
            }
        }
        Map<String, ParseCache.Entry> next = new HashMap<>();
        Article[] articles = before.articles.clone();
        for (int k = 0; k < items.length; k++) {
            int i = again.get(k);
            articles[i] = items[k] == null ? null : article(items[k], before.targets, next, found);
        }
        found.sorted().forEach(diagnostics::add);
        int changed = 0;
        for (int i : again) {
            String path = files.get(i).path();
            ParseCache.Entry entry = next.get(path);
            if (cache.entries.get(path) != entry) {
                changed++;
            }
            if (entry == null) {
                cache.entries.remove(path);
            } else {
                cache.entries.put(path, entry);
            }
        }
        lastChanges = changed;
        last = new LastParse(files, before.staticFiles, before.itemUrls, before.itemDrafts, before.targets, articles);
        return present(articles);
    }

    /**
     * Runs {@code task} for each index from 0 to {@code n} on every core of the common pool and
     * this thread, each taking the next index as it is done. A parallel stream cuts the range into
     * four parts for two cores, and a core that finished its parts sat idle while the other did
     * its last: for a second at the end of a cold build's parse of 10,000 articles.
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

    private static Set<String> staticPaths(LoadedContent content) {
        Set<String> paths = new HashSet<>();
        for (StaticFile file : content.files()) {
            paths.add(file.contentPath());
        }
        return paths;
    }

    private static List<Article> present(Article[] articles) {
        List<Article> present = new ArrayList<>(articles.length);
        for (Article article : articles) {
            if (article != null) {
                present.add(article);
            }
        }
        return present;
    }

    /**
     * What the last call saw and made, by the position of each file: its URL and draft state
     * (null URL: no article could be read from it) and its article (null: none).
     */
    private record LastParse(List<SourceFile> files, Set<String> staticFiles, String[] itemUrls, boolean[] itemDrafts,
            LinkTargets targets, Article[] articles) {
    }

    /**
     * A file with either its cached result (same text), its article made in the first pass, or
     * its freshly read header.
     */
    private record Item(SourceFile file, String textHash, ParseCache.Entry cached, ParseCache.Entry done,
            Header header) {
        String url() {
            return cached != null ? cached.url() : done != null ? done.url() : header.url;
        }

        boolean draft() {
            return cached != null ? cached.draft() : done != null ? done.draft() : header.draft;
        }
    }

    /**
     * Up to this many articles, a build keeps each body from the first pass to the second (about
     * 100 MB for 20,000 articles) rather than read its file again: on 10,000 articles, reading
     * twice cost 0.2-0.3 s of CPU. A larger archive reads twice, so that its bodies need not all
     * be in memory at once (a 100,000-article archive is gigabytes of text).
     */
    static final int KEEP_BODIES_UP_TO = 20_000;

    /** For tests: how many bodies were rendered in a second pass so far. */
    int secondPassBodies() {
        return secondPassBodies.get();
    }

    /** For tests: how many bodies the first pass rendered in vain so far. */
    int firstPassTriesLost() {
        return firstPassTriesLost.get();
    }

    /** For tests: another limit than {@link #KEEP_BODIES_UP_TO}. */
    void keepBodiesUpTo(int articles) {
        keepBodiesUpTo = articles;
    }

    /**
     * Reads {@code file}'s header, unless its cached parse has the same text. With {@code early}
     * targets (those known before the first pass ends: the published files), an article whose
     * links need no other article's URL is made at once, so its text need not stay in memory until
     * the second pass: keeping every body of 10,000 articles that long made the collector copy
     * 50 MB of it into the old generation.
     */
    private Item item(SourceFile file, ParseCache.Entry cached, boolean keepBody, LinkTargets early,
            Diagnostics diagnostics) {
        if (cached != null && cached.textHash().equals(file.hash())) {
            return new Item(file, file.hash(), cached, null, null);
        }
        // Not read yet (a one-off build reads each new file here, so its text is only in memory
        // while it is parsed), or its text not kept: read now, with the hash of what was read.
        SourceFile.Read read = file.current(diagnostics);
        if (read == null) {
            return null;
        }
        String hash = read.hash();
        String text = read.text();
        if (cached != null && cached.textHash().equals(hash)) {
            return new Item(file, hash, cached, null, null);
        }
        Header header = readHeader(file, text, diagnostics);
        if (header == null) {
            return null;
        }
        TextScan scan = early == null || header.parts.body() == null ? null : TextScan.of(header.parts.body());
        if (scan != null && !(header.draft && !includeDrafts) && !mayLinkToAnArticle(header, scan)) {
            ParseCache.Entry done = articleBeforeTargets(header, hash, early, scan);
            if (done != null) {
                return new Item(file, hash, null, done, null);
            }
        }
        // A large archive's build reads the file again for its body in the second pass (see
        // KEEP_BODIES_UP_TO).
        return new Item(file, hash, null, null, keepBody ? header : header.withBody(null));
    }

    /**
     * Whether the body or image may name another article's {@code .md} file. Such a body waits for
     * the second pass without a try in the first, which would parse it only to find that link, and
     * parse it again: on a site whose every article linked to another, that was a fifth more CPU.
     * A link this misses (written with escapes) is still found by {@link #resolve}.
     */
    private static boolean mayLinkToAnArticle(Header header, TextScan body) {
        return body.markdownFile() || header.image != null && header.image.contains(".md");
    }

    /**
     * The article of {@code header} made with only the {@code early} targets; null when a link
     * needs another article's URL, or has a problem (the second pass reports it, once).
     */
    private ParseCache.Entry articleBeforeTargets(Header header, String textHash, LinkTargets early, TextScan scan) {
        Map<String, String> links = new java.util.TreeMap<>();
        Diagnostics problems = new Diagnostics();
        Article article;
        try {
            article = toArticle(header, scan, textHash, early, links, problems);
        } catch (NeedsArticleUrls e) {
            article = null;
        }
        if (article == null || problems.hasErrors()) {
            firstPassTriesLost.incrementAndGet();
            return null;
        }
        return new ParseCache.Entry(textHash, header.url, header.draft, article, links);
    }

    /** What the cache keeps of a draft a build leaves out: that it is one, and its URL. */
    private static ParseCache.Entry draftEntry(String textHash, String url) {
        return new ParseCache.Entry(textHash, url, true, null, Map.of());
    }

    /** Thrown by {@link #resolve} for a link to an article before the articles' URLs are known. */
    private static final class NeedsArticleUrls extends RuntimeException {
        static final NeedsArticleUrls INSTANCE = new NeedsArticleUrls();

        private NeedsArticleUrls() {
            super(null, null, false, false);
        }
    }

    private Article article(Item item, LinkTargets targets, Map<String, ParseCache.Entry> next, Diagnostics diagnostics) {
        String path = item.file.path();
        if (item.draft() && !includeDrafts) {
            next.put(path, draftEntry(item.textHash, item.url()));
            return null;
        }
        if (item.done != null) {
            next.put(path, item.done);
            return item.done.article();
        }
        ParseCache.Entry cached = item.cached;
        if (cached != null && cached.article() != null && linksStillResolve(cached, item.file, targets)) {
            next.put(path, cached);
            return cached.article();
        }
        Header header = item.header;
        String textHash = item.textHash;
        if (header == null) {
            SourceFile.Read current = item.file.current(diagnostics);
            if (current == null) {
                return null;
            }
            header = readHeader(item.file, current.text(), diagnostics);
            textHash = current.hash();
        }
        if (header != null && header.parts.body() == null) {
            SourceFile.Read again = item.file.read(diagnostics);
            if (again == null) {
                return null;
            }
            if (again.hash().equals(textHash)) {
                header = header.withBody(FrontMatter.split(again.text()).body());
            } else {
                // Saved again since the first pass: this build takes the new version whole.
                header = readHeader(item.file, again.text(), diagnostics);
                textHash = again.hash();
            }
        }
        if (header == null) {
            return null;
        }
        if (header.draft && !includeDrafts) {
            // Read only now (its text was not kept, or it was saved again since the first pass).
            next.put(path, draftEntry(textHash, header.url));
            return null;
        }
        Map<String, String> links = new java.util.TreeMap<>();
        secondPassBodies.incrementAndGet();
        Article article = toArticle(header, TextScan.of(header.parts.body()), textHash, targets, links, diagnostics);
        if (article != null) {
            next.put(path, new ParseCache.Entry(textHash, header.url, header.draft, article, links));
        }
        return article;
    }

    private boolean linksStillResolve(ParseCache.Entry cached, SourceFile file, LinkTargets targets) {
        String contentDir = parentDir(file.contentPath());
        for (Map.Entry<String, String> link : cached.links().entrySet()) {
            Resolution now = resolve(link.getKey(), contentDir, targets);
            if (now.error != null || !now.url.equals(link.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where relative links may point: other articles (by content path) and published files.
     * Articles and drafts are null in the first pass, before every article's URL is known.
     */
    private record LinkTargets(Map<String, String> articleUrls, Set<String> drafts, Set<String> staticFiles) {
    }

    /** Front matter read and checked; the body is rendered in the second pass. */
    private record Header(SourceFile file, FrontMatter parts, int urlLine, String url, String title, String slug,
            ZonedDateTime date, ZonedDateTime updated, String category, String categorySlug, List<String> tags,
            List<String> authors, String summary, boolean draft, boolean noindex, String image, int imageLine,
            String imageAlt,
            String lang, Map<String, Object> params) {

        /** The same header with another body (null: not kept, to be read again). */
        Header withBody(String body) {
            return new Header(file, new FrontMatter(parts.yaml(), parts.yamlLine(), body, parts.bodyLine()), urlLine,
                    url, title, slug, date, updated, category, categorySlug, tags, authors, summary, draft, noindex,
                    image, imageLine, imageAlt, lang, params);
        }
    }

    private Header readHeader(SourceFile file, String text, Diagnostics diagnostics) {
        String path = file.path();
        FrontMatter parts = FrontMatter.split(text);
        if (parts == null) {
            diagnostics.add(path, 1, "no front matter",
                    "start the file with a --- line, then title, date and category, then a closing --- line");
            return null;
        }
        YamlReader.Result yaml = YamlReader.read(parts.yaml(), parts.yamlLine());
        if (!yaml.ok()) {
            diagnostics.add(path, yaml.errorLine(), yaml.error(), "fix the front matter's YAML");
            return null;
        }
        if (!(yaml.document() instanceof YamlNode.Mapping fields)) {
            diagnostics.add(path, parts.yamlLine(), "front matter must be key: value lines", "for example title: \"Headline\"");
            return null;
        }
        Fields f = new Fields(path, fields, diagnostics);
        int before = f.errors;

        String title = f.requiredText("title", "add a title: line with the headline");
        String categoryHint = fields.entries().containsKey("categories")
                ? "found \"categories\"; an article has one category: write category: Politics"
                : "add a category: line, e.g. category: Politics";
        String category = f.requiredText("category", categoryHint);
        String categorySlug = category == null ? null : categorySlug(category, f);

        ZonedDateTime date = null;
        String rawDate = f.requiredText("date", "add a date: line, e.g. date: " + "2022-12-22 20:26");
        if (rawDate != null) {
            date = Dates.parse(rawDate, config.timezone());
            if (date == null) {
                f.error("date", "unparseable date \"" + rawDate + "\"", "write it as " + Dates.FORMATS);
            }
        }
        ZonedDateTime updated = null;
        String rawUpdated = f.optionalText("updated");
        if (rawUpdated != null) {
            updated = Dates.parse(rawUpdated, config.timezone());
            if (updated == null) {
                f.error("updated", "unparseable date \"" + rawUpdated + "\"", "write it as " + Dates.FORMATS);
            }
        }

        String slug = slug(file, f);
        int urlLine = fields.entries().containsKey("slug") ? f.line("slug") : f.line("title");
        List<String> tags = uniqueBySlug(f.textList("tags"));
        List<String> authors = f.textList("author");
        String summary = f.optionalText("summary");
        boolean draft = f.bool("draft");
        boolean noindex = f.bool("noindex");
        String image = f.optionalText("image");
        String imageAlt = Objects.requireNonNullElse(f.optionalText("imageAlt"), "");
        String lang = f.optionalText("lang");
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            f.error("lang", "\"" + lang + "\" is not a language tag", "use a BCP 47 tag such as en, ru or uz-Latn");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        fields.entries().forEach((key, value) -> {
            if (!KNOWN_KEYS.contains(key)) {
                params.put(key, value.toPlain());
            }
        });
        if (f.errors > before || title == null || date == null || categorySlug == null || slug == null) {
            return null;
        }
        String url = SiteUrls.permalink(config.permalink(), date, slug, categorySlug);
        int imageLine = image == null ? 0 : f.line("image");
        return new Header(file, parts, urlLine, url, title.strip(), slug, date, updated, category.strip(),
                categorySlug, tags, authors, summary, draft, noindex, image, imageLine, imageAlt, lang, params);
    }

    private String categorySlug(String category, Fields f) {
        String slug = Slugs.slugify(category);
        if (slug.isEmpty()) {
            f.error("category", "category \"" + category + "\" has no letters or digits for a URL", "rename it");
            return null;
        }
        if (config.categories().isEmpty()) {
            return slug;
        }
        for (SiteConfig.CategoryName declared : config.categories()) {
            // Either the declared slug or the declared display name may be written.
            if (declared.slug().equals(slug) || Slugs.slugify(declared.name()).equals(slug)) {
                return declared.slug();
            }
        }
        List<String> names = config.categories().stream().map(SiteConfig.CategoryName::name).toList();
        f.error("category", "unknown category \"" + category + "\"", "use one of " + String.join(", ", names)
                + " (or add it to categories in gazette.yaml)");
        return null;
    }

    private static String slug(SourceFile file, Fields f) {
        String given = f.optionalText("slug");
        if (given != null) {
            String slug = Slugs.slugify(given);
            if (slug.isEmpty()) {
                f.error("slug", "slug \"" + given + "\" has no letters or digits", "use words such as budget-2023");
                return null;
            }
            return slug;
        }
        String name = file.contentPath();
        name = name.substring(name.lastIndexOf('/') + 1, name.length() - ".md".length());
        if (name.equals("index")) {
            // content/2022/budget/index.md is the article "budget" with its images beside it.
            String parent = file.contentPath();
            int end = parent.lastIndexOf('/');
            name = end < 0 ? "" : parent.substring(parent.lastIndexOf('/', end - 1) + 1, end);
        }
        String slug = Slugs.slugify(name);
        if (slug.isEmpty()) {
            f.diagnostics.add(file.path(), f.line("title"), "the file name gives no slug for the URL",
                    "add a slug: line, e.g. slug: budget-2023");
            return null;
        }
        return slug;
    }

    private static List<String> uniqueBySlug(List<String> values) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String value : values) {
            bySlug.putIfAbsent(Slugs.slugify(value), value);
        }
        bySlug.remove("");
        return List.copyOf(bySlug.values());
    }

    /**
     * Renders the body and finishes the article; {@code links} receives every relative link and
     * what it resolved to, the article's dependencies on other files.
     */
    private Article toArticle(Header h, TextScan scan, String textHash, LinkTargets targets, Map<String, String> links,
            Diagnostics diagnostics) {
        String path = h.file.path();
        String contentDir = parentDir(h.file.contentPath());
        int[] errors = {0};
        MarkdownRenderer.Rendered body = markdown.render(h.parts.body(), scan, destination -> {
            Resolution r = resolve(destination.url(), contentDir, targets);
            if (r.error != null) {
                diagnostics.add(path, h.parts.bodyLine() + destination.bodyLine(), r.error, r.hint);
                errors[0]++;
            } else if (!r.url.equals(destination.url())) {
                synchronized (links) {
                    links.put(destination.url(), r.url);
                }
            }
            return r.url;
        });
        String image = null;
        if (h.image != null) {
            Resolution r = resolveImage(h.image, contentDir, targets);
            if (r.error != null) {
                diagnostics.add(path, h.imageLine, r.error, r.hint);
                errors[0]++;
            } else if (!h.image.startsWith("/") && !h.image.startsWith("http")) {
                links.put(h.image, r.url);
            }
            image = r.sitePathOrUrl;
        }
        if (errors[0] > 0) {
            return null;
        }
        String summary = h.summary != null ? h.summary.strip() : shorten(body.firstParagraph());
        // The file's path counts too: the slug, and so the URL, may come from the file name.
        String fingerprint = Hashes.content(path + "\n" + h.url + "\n" + textHash + "\n" + links);
        return new Article(path, h.urlLine, h.url, h.title, h.slug, h.date, h.updated, h.category, h.categorySlug,
                h.tags, h.authors, summary, h.draft, h.noindex, image, h.imageAlt, h.lang, h.params, cache.body(body.html()),
                fingerprint);
    }

    /** What a link destination became: the URL to write, or an error. */
    private record Resolution(String url, String sitePathOrUrl, String error, String hint) {
        static Resolution keep(String url) {
            return new Resolution(url, url, null, null);
        }

        static Resolution error(String original, String error, String hint) {
            return new Resolution(original, null, error, hint);
        }
    }

    private Resolution resolve(String destination, String contentDir, LinkTargets targets) {
        if (destination.isEmpty() || destination.startsWith("#") || destination.startsWith("?")
                || destination.startsWith("//") || startsWithScheme(destination)) {
            return Resolution.keep(destination);
        }
        if (destination.startsWith("/")) {
            // Authors write links from the site root; under a sub-path they need the base path.
            if (config.basePath().equals("/") || destination.startsWith(config.basePath())) {
                return Resolution.keep(destination);
            }
            return Resolution.keep(urls.link(destination));
        }
        int cut = indexOfAny(destination, "?#");
        String pathPart = cut < 0 ? destination : destination.substring(0, cut);
        String suffix = cut < 0 ? "" : destination.substring(cut);
        String target = normalize(contentDir, percentDecode(pathPart));
        if (target == null) {
            return Resolution.error(destination, "link \"" + destination + "\" leads outside content/",
                    "link to a file under content/ or to a site path starting with /");
        }
        if (target.endsWith(".md")) {
            if (targets.articleUrls() == null) {
                throw NeedsArticleUrls.INSTANCE;
            }
            String url = targets.articleUrls().get(target);
            if (url != null) {
                return new Resolution(urls.link(url) + suffix, url, null, null);
            }
            if (targets.drafts().contains(target)) {
                return Resolution.error(destination, "link \"" + destination + "\" points at a draft",
                        "publish content/" + target + " or remove the link");
            }
            return Resolution.error(destination, "link \"" + destination + "\" points at content/" + target
                    + ", which does not exist", "check the file name");
        }
        if (targets.staticFiles().contains(target)) {
            return new Resolution(urls.link("/" + target) + suffix, "/" + target, null, null);
        }
        return Resolution.error(destination, "link \"" + destination + "\" points at content/" + target
                + ", which does not exist", "check the file name, or link from the site root with /");
    }

    /**
     * Whether {@code url} starts with a scheme and its colon: a letter, then letters, digits, +, .
     * or -. By hand rather than by a regular expression, whose Matcher for each link was 2% of what
     * a cold build allocated.
     */
    static boolean startsWithScheme(String url) {
        if (url.isEmpty() || !isAsciiLetter(url.charAt(0))) {
            return false;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && (c < '0' || c > '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private Resolution resolveImage(String image, String contentDir, LinkTargets targets) {
        if (image.startsWith("http://") || image.startsWith("https://")) {
            return Resolution.keep(image);
        }
        if (startsWithScheme(image) || image.startsWith("//")) {
            return Resolution.error(image, "image \"" + image + "\" must be an http(s) URL or a file under content/", null);
        }
        if (image.startsWith("/")) {
            return new Resolution(image, image, null, null);
        }
        return resolve(image, contentDir, targets);
    }

    private static String shorten(String text) {
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
        if (cut < SUMMARY_LENGTH / 2) {
            cut = SUMMARY_LENGTH;
        }
        // Spaces and punctuation before the cut go: a loop, as a regular expression ending in $
        // tried a match at every space of every summary (half a percent of a cold build).
        while (cut > 0 && " \t\n\u000B\f\r,;:.-–—".indexOf(text.charAt(cut - 1)) >= 0) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    private static String parentDir(String contentPath) {
        int slash = contentPath.lastIndexOf('/');
        return slash < 0 ? "" : contentPath.substring(0, slash);
    }

    /** Resolves {@code relative} against {@code dir} (both under content/); null if it climbs out. */
    private static String normalize(String dir, String relative) {
        List<String> parts = new ArrayList<>();
        if (!dir.isEmpty()) {
            parts.addAll(List.of(dir.split("/")));
        }
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String percentDecode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            return new java.net.URI("x:" + path.replace(" ", "%20")).getSchemeSpecificPart();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Typed access to front-matter fields; each problem is a diagnostic at the field's file line. */
    private static final class Fields {
        final String path;
        final YamlNode.Mapping mapping;
        final Diagnostics diagnostics;
        int errors;

        Fields(String path, YamlNode.Mapping mapping, Diagnostics diagnostics) {
            this.path = path;
            this.mapping = mapping;
            this.diagnostics = diagnostics;
        }

        int line(String key) {
            YamlNode node = mapping.entries().get(key);
            return node == null ? mapping.line() : mapping.keyLine(key);
        }

        void error(String key, String message, String hint) {
            errors++;
            diagnostics.add(path, line(key), message, hint);
        }

        String requiredText(String key, String hint) {
            YamlNode node = mapping.entries().get(key);
            if (node == null) {
                errors++;
                diagnostics.add(path, mapping.line(), "missing " + key, hint);
                return null;
            }
            String text = optionalText(key);
            if (text == null && node instanceof YamlNode.Scalar) {
                error(key, key + " is empty", hint);
            }
            return text;
        }

        String optionalText(String key) {
            YamlNode node = mapping.entries().get(key);
            if (node == null) {
                return null;
            }
            if (node instanceof YamlNode.Scalar s) {
                return s.text() == null || s.text().isBlank() ? null : s.text();
            }
            error(key, key + " must be a single value, not a list or mapping", null);
            return null;
        }

        /** A list of strings, also accepting one value or a comma-separated string. */
        List<String> textList(String key) {
            YamlNode node = mapping.entries().get(key);
            List<String> out = new ArrayList<>();
            if (node == null) {
                return out;
            }
            if (node instanceof YamlNode.Scalar s) {
                if (s.text() != null) {
                    for (String part : s.text().split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.strip());
                        }
                    }
                }
            } else if (node instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                        out.add(s.text().strip());
                    } else {
                        errors++;
                        diagnostics.add(path, item.line(), key + " entries must be plain names", null);
                    }
                }
            } else {
                error(key, key + " must be a name or a list of names", "e.g. " + key + ": [a, b]");
            }
            return out;
        }

        boolean bool(String key) {
            String text = optionalText(key);
            if (text == null) {
                return false;
            }
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on":
                    return true;
                case "false": case "no": case "off":
                    return false;
                default:
                    error(key, key + " must be true or false, not \"" + text + "\"", null);
                    return false;
            }
        }
    }
}
