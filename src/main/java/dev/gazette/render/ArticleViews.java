package dev.gazette.render;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.Category;
import dev.gazette.index.SiteModel;
import dev.gazette.index.Term;
import dev.gazette.parse.Article;
import dev.gazette.slug.Slugs;
import dev.gazette.url.SiteUrls;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns parsed articles into what templates read: links, printable dates, terms and JSON-LD. */
final class ArticleViews {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final SiteConfig config;
    private final SiteUrls urls;
    private final DateTimeFormatter displayDate;
    private final Map<String, Category> categories = new HashMap<>();
    private final Map<String, Term> tags = new HashMap<>();
    private final Map<String, Term> authors = new HashMap<>();

    ArticleViews(SiteModel model, SiteUrls urls) {
        this.config = model.config();
        this.urls = urls;
        this.displayDate = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag(config.language()));
        model.categories().forEach(c -> categories.put(c.slug(), c));
        model.tags().forEach(t -> tags.put(t.slug(), t));
        model.authors().forEach(t -> authors.put(t.slug(), t));
    }

    ArticleView view(Article a) {
        String image = a.image() == null ? null : a.image().startsWith("/") ? urls.link(a.image()) : a.image();
        String absoluteImage = a.image() == null ? null : a.image().startsWith("/") ? urls.absolute(a.image()) : a.image();
        String absoluteUrl = urls.absolute(a.url());
        ZonedDateTime modified = a.updated() != null ? a.updated() : a.date();
        List<Term> tagTerms = terms(a.tags(), tags);
        List<Term> authorTerms = terms(a.authors(), authors);
        Category category = categories.get(a.categorySlug());
        return new ArticleView(a.title(), urls.link(a.url()), absoluteUrl, a.date(), ISO.format(a.date()),
                displayDate.format(a.date()), a.updated(), format(ISO, a.updated()), format(displayDate, a.updated()),
                ISO.format(modified), category, tagTerms, authorTerms, a.summary(), a, image,
                absoluteImage, a.imageAlt(), a.lang(), a.slug(), a.params(), a.draft(), a.noindex(), this);
    }

    /**
     * The view's schema.org NewsArticle, made each time a template asks (an article page, once)
     * rather than kept with the view: list pages keep every view until the build ends, and 10,000
     * articles' JSON-LD held 18 MB that the collector copied into the old generation.
     */
    String jsonLd(ArticleView v) {
        List<JsonLd.Person> people = new ArrayList<>();
        for (Term author : v.authors()) {
            people.add(new JsonLd.Person(author.name(), urls.absolute("/author/" + author.slug() + "/")));
        }
        return JsonLd.newsArticle(new JsonLd.NewsArticle(v.title(), v.summary(), v.absoluteUrl(), v.absoluteImage(),
                v.isoDate(), v.isoModified(), people, v.category().name(),
                v.tags().stream().map(Term::name).toList(), v.lang() != null ? v.lang() : config.language(),
                config.title(), config.baseUrl()));
    }

    /**
     * A hash of the article's tags and authors as the site names and links them (with their counts,
     * or not): what a page that prints them shows, which an added article can change.
     */
    long termsHead(Article a, boolean counts) {
        List<Object> values = new ArrayList<>();
        for (List<Term> terms : List.of(terms(a.tags(), tags), terms(a.authors(), authors))) {
            values.add(terms.size());
            for (Term t : terms) {
                values.add(t.name());
                values.add(t.url());
                values.add(counts ? t.count() : 0);
            }
        }
        return PageFingerprints.hashOf(values.toArray());
    }

    private static List<Term> terms(List<String> names, Map<String, Term> bySlug) {
        List<Term> out = new ArrayList<>(names.size());
        for (String name : names) {
            Term term = bySlug.get(Slugs.slugify(name));
            if (term != null) {
                out.add(term);
            }
        }
        return out;
    }

    private static String format(DateTimeFormatter f, ZonedDateTime date) {
        return date == null ? null : f.format(date);
    }
}
