package dev.gazette.index;

import dev.gazette.config.SiteConfig;
import dev.gazette.parse.Article;
import dev.gazette.slug.Slugs;
import dev.gazette.url.SiteUrls;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Builds the {@link SiteModel}: sorts articles and lays out every list, archive and page. */
public final class SiteIndexer {

    /** Newest first; the URL breaks ties, so the order never depends on file order or threads. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator.comparing(Article::date,
                    Comparator.comparing(ZonedDateTime::toInstant).reversed())
            .thenComparing(Article::url)
            .thenComparing(Article::source);

    private final SiteConfig config;
    private final SiteUrls urls;
    private final Locale locale;
    private final DateTimeFormatter monthLabel;
    private final DateTimeFormatter dayLabel;
    private final Map<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();

    private SiteIndexer(SiteConfig config) {
        this.config = config;
        this.urls = SiteUrls.of(config.baseUrl());
        this.locale = Locale.forLanguageTag(config.language());
        this.monthLabel = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        this.dayLabel = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
    }

    /** Indexes {@code articles} (any order) into the site model. */
    public static SiteModel index(List<Article> articles, SiteConfig config) {
        return new SiteIndexer(config).build(articles);
    }

    /**
     * Indexes {@code articles} again after some of them changed since {@code previous} was made
     * (null for none): when the changes leave every list and page as it was, the previous model is
     * updated in place of a full index, which keeps the preview's rebuilds short.
     */
    public static SiteModel index(List<Article> articles, SiteConfig config, SiteModel previous) {
        if (previous != null && previous.config().equals(config)) {
            SiteModel updated = ModelUpdate.replacing(previous, articles);
            if (updated != null) {
                return updated;
            }
        }
        return index(articles, config);
    }

    private List<String> tagSlugs(Article article) {
        List<String> out = new ArrayList<>(article.tags().size());
        for (String tag : article.tags()) {
            out.add(slug(tag));
        }
        return out;
    }

    /** A sort key computed once per article: converting dates on every comparison dominated the sort. */
    private record Dated(long seconds, int nanos, Article article) {
    }

    /** {@code input} sorted by {@link #NEWEST_FIRST}. */
    static List<Article> newestFirst(List<Article> input) {
        List<Dated> dated = new ArrayList<>(input.size());
        for (Article article : input) {
            dated.add(new Dated(article.date().toEpochSecond(), article.date().getNano(), article));
        }
        dated.sort(Comparator.comparingLong(Dated::seconds).thenComparingInt(Dated::nanos).reversed()
                .thenComparing(d -> d.article().url()).thenComparing(d -> d.article().source()));
        List<Article> out = new ArrayList<>(dated.size());
        for (Dated d : dated) {
            out.add(d.article());
        }
        return out;
    }

    /** Tags and authors repeat across thousands of articles: each name is slugged once per build. */
    private String slug(String name) {
        return slugs.computeIfAbsent(name, Slugs::slugify);
    }

    private SiteModel build(List<Article> input) {
        List<Article> articles = newestFirst(input);
        // The tags', authors' and dates' pages need no "More news" picks: they are laid out on the
        // common pool while this thread makes the picks. One after the other, this stage kept one
        // core busy for 0.2 s of a cold build of 10,000 articles, and the other mostly idle.
        CompletableFuture<Terms> tagPages = CompletableFuture.supplyAsync(
                () -> terms("tag", "/tag/", "Tags", articles, Article::tags));
        CompletableFuture<Terms> authorPages = CompletableFuture.supplyAsync(
                () -> terms("author", "/author/", "Authors", articles, Article::authors));
        CompletableFuture<List<Page>> datePages = CompletableFuture.supplyAsync(() -> dateArchives(articles));

        Map<String, List<Article>> byCategory = groupBy(articles, Article::categorySlug);
        Map<String, List<Article>> byTag = new TreeMap<>();
        // Slugging is not free: once per article, not once per comparison.
        Map<Article, List<String>> tagSlugsOf = new java.util.IdentityHashMap<>();
        for (Article article : articles) {
            tagSlugsOf.put(article, tagSlugs(article));
        }
        for (Article article : articles) {
            for (String tag : tagSlugsOf.get(article)) {
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(article);
            }
        }
        List<Category> categories = categories(articles, byCategory);

        List<Page> pages = new ArrayList<>();
        addList(pages, "home", "/", "home.html", "", config.description(), articles, null, null, null);

        RelatedArticles related = new RelatedArticles(articles, byCategory, byTag, tagSlugsOf);
        // By rank: looking each article up by identity was a tenth of indexing a large archive.
        pages.addAll(java.util.stream.IntStream.range(0, articles.size()).parallel()
                .mapToObj(i -> new Page.ArticlePage(articles.get(i), related.of(i)))
                .toList());

        pages.add(new Page.CategoriesPage("/category/", categories));
        for (Category category : categories) {
            addList(pages, "category", categoryPath(category.slug()), "category.html", category.name(),
                    category.name() + " news from " + config.title(),
                    byCategory.getOrDefault(category.slug(), List.of()), category, null, null);
        }
        Terms tags = joined(tagPages);
        Terms authors = joined(authorPages);
        pages.addAll(tags.pages());
        pages.addAll(authors.pages());
        pages.addAll(joined(datePages));
        pages.add(new Page.NotFoundPage());
        return new SiteModel(config, articles, categories, tags.terms(), authors.terms(), pages);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The terms of one kind, and their pages: the index of all, then one list per term. */
    private record Terms(List<Term> terms, List<Page> pages) {
    }

    /**
     * The terms of one kind (tags or authors) and their pages. Spellings with one slug are one
     * term, named by the spelling most articles use (the oldest on a tie).
     */
    private Terms terms(String kind, String root, String title, List<Article> articles,
            Function<Article, List<String>> names) {
        Map<String, List<Article>> bySlug = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new TreeMap<>();
        for (int i = articles.size() - 1; i >= 0; i--) {
            Article article = articles.get(i);
            for (String name : names.apply(article)) {
                String slug = slug(name);
                if (slug.isEmpty()) {
                    continue;
                }
                spellings.computeIfAbsent(slug, k -> new LinkedHashMap<>()).merge(name, 1, Integer::sum);
            }
        }
        for (Article article : articles) {
            for (String name : names.apply(article)) {
                String slug = slug(name);
                List<Article> list = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
                if (!slug.isEmpty() && (list.isEmpty() || list.get(list.size() - 1) != article)) {
                    list.add(article);
                }
            }
        }
        bySlug.remove("");
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, List<Article>> entry : bySlug.entrySet()) {
            String slug = entry.getKey();
            String name = spellings.get(slug).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(slug);
            terms.add(new Term(name, slug, urls.link(root + slug + "/"), entry.getValue().size()));
        }
        terms.sort(Comparator.comparing((Term t) -> t.name().toLowerCase(Locale.ROOT)).thenComparing(Term::slug));
        List<Page> pages = new ArrayList<>();
        pages.add(new Page.TermsPage(kind + "s", root, title, terms));
        for (Term term : terms) {
            addList(pages, kind, root + term.slug() + "/", "term.html", term.name(),
                    (kind.equals("author") ? "Articles by " : "Articles tagged ") + term.name(),
                    bySlug.get(term.slug()), null, term, null);
        }
        return new Terms(terms, pages);
    }

    /** Declared categories in their order, then the others by slug; names from config or first use. */
    private List<Category> categories(List<Article> articles, Map<String, List<Article>> byCategory) {
        Map<String, String> names = new LinkedHashMap<>();
        for (SiteConfig.CategoryName declared : config.categories()) {
            names.put(declared.slug(), declared.name());
        }
        // The spelling of the oldest article wins, so a new typo in case does not rename a section.
        Map<String, String> firstUse = new TreeMap<>();
        for (int i = articles.size() - 1; i >= 0; i--) {
            Article a = articles.get(i);
            firstUse.putIfAbsent(a.categorySlug(), a.category());
        }
        firstUse.forEach(names::putIfAbsent);
        List<Category> out = new ArrayList<>();
        names.forEach((slug, name) -> out.add(new Category(name, slug, urls.link(categoryPath(slug)),
                byCategory.getOrDefault(slug, List.of()).size())));
        return out;
    }

    private static String categoryPath(String slug) {
        return "/category/" + slug + "/";
    }

    private void addList(List<Page> pages, String kind, String sitePath, String template, String title,
            String description, List<Article> articles, Category category, Term term, Period period) {
        for (Paginator.Slice<Article> slice : Paginator.paginate(articles, config.pageSize(), sitePath, urls)) {
            int n = slice.pagination().number();
            String pageTitle = n == 1 ? title : (title.isEmpty() ? "Page " + n : title + ", page " + n);
            pages.add(new Page.ListPage(kind, slice.sitePath(), template, pageTitle, description, slice.items(),
                    slice.pagination(), category, term, period));
        }
    }

    /** The year, month and day archives, then {@code /archive/}, which sums them up. */
    private List<Page> dateArchives(List<Article> articles) {
        List<Page> pages = new ArrayList<>();
        Map<String, List<Article>> byYear = groupBy(articles, a -> yearPath(a.date()));
        Map<String, List<Article>> byMonth = groupBy(articles, a -> monthPath(a.date()));
        Map<String, List<Article>> byDay = groupBy(articles, a -> dayPath(a.date()));

        addPeriods(pages, "year", byYear, a -> String.valueOf(a.date().getYear()), null, null);
        addPeriods(pages, "month", byMonth, a -> monthLabel.format(a.date()), byYear,
                a -> String.valueOf(a.date().getYear()));
        addPeriods(pages, "day", byDay, a -> dayLabel.format(a.date()), byMonth, a -> monthLabel.format(a.date()));

        List<ArchiveYear> years = new ArrayList<>();
        for (Map.Entry<String, List<Article>> year : byYear.entrySet()) {
            List<PeriodLink> months = new ArrayList<>();
            for (Map.Entry<String, List<Article>> month : byMonth.entrySet()) {
                if (month.getKey().startsWith(year.getKey())) {
                    months.add(new PeriodLink(monthLabel.format(month.getValue().get(0).date()),
                            urls.link(month.getKey()), month.getValue().size()));
                }
            }
            String label = String.valueOf(year.getValue().get(0).date().getYear());
            years.add(new ArchiveYear(year.getValue().get(0).date().getYear(), label, urls.link(year.getKey()),
                    year.getValue().size(), months));
        }
        pages.add(new Page.ArchivePage("/archive/", years));
        return pages;
    }

    /**
     * Adds the pages of one period kind. {@code periods} maps site paths to articles, newest
     * period first (paths sort that way in reverse), so "prev" (older) is the next entry.
     */
    private void addPeriods(List<Page> pages, String kind, Map<String, List<Article>> periods,
            Function<Article, String> label, Map<String, List<Article>> parents, Function<Article, String> parentLabel) {
        List<Map.Entry<String, List<Article>>> entries = new ArrayList<>(periods.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.get(i).getKey();
            List<Article> list = entries.get(i).getValue();
            Article first = list.get(0);
            PeriodLink parent = null;
            if (parents != null) {
                String parentPath = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
                parent = new PeriodLink(parentLabel.apply(first), urls.link(parentPath), parents.get(parentPath).size());
            }
            PeriodLink newer = i > 0 ? link(entries.get(i - 1), label) : null;
            PeriodLink older = i + 1 < entries.size() ? link(entries.get(i + 1), label) : null;
            Period period = new Period(kind, label.apply(first), urls.link(path), parent, older, newer);
            addList(pages, kind, path, "period.html", period.label(), "Articles from " + period.label(),
                    list, null, null, period);
        }
    }

    private PeriodLink link(Map.Entry<String, List<Article>> entry, Function<Article, String> label) {
        return new PeriodLink(label.apply(entry.getValue().get(0)), urls.link(entry.getKey()), entry.getValue().size());
    }

    // Hand-built rather than String.format: three paths per article add up in a large archive.
    private static String yearPath(ZonedDateTime d) {
        return "/" + SiteUrls.pad(d.getYear(), 4) + "/";
    }

    private static String monthPath(ZonedDateTime d) {
        return "/" + SiteUrls.pad(d.getYear(), 4) + "/" + SiteUrls.pad(d.getMonthValue(), 2) + "/";
    }

    private static String dayPath(ZonedDateTime d) {
        return monthPath(d) + SiteUrls.pad(d.getDayOfMonth(), 2) + "/";
    }

    /** Groups newest-first articles by key; the map is ordered by key descending, i.e. newest period first. */
    private static Map<String, List<Article>> groupBy(List<Article> articles, Function<Article, String> key) {
        Map<String, List<Article>> out = new TreeMap<>(Comparator.reverseOrder());
        for (Article article : articles) {
            out.computeIfAbsent(key.apply(article), k -> new ArrayList<>()).add(article);
        }
        return out;
    }
}
