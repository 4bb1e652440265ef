package dev.gazette.render;

import dev.gazette.index.Category;
import dev.gazette.index.TemplateReads;
import dev.gazette.index.Term;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * An article as templates see it: links carry the base path, dates come ready to print.
 *
 * <ul>
 * <li>{@code url}: root-relative link to the article; {@code absoluteUrl}: its absolute URL
 * (canonical, Open Graph)
 * <li>{@code date}: publication time in the site time zone; {@code isoDate}: RFC 3339 with offset,
 * for {@code <time datetime>}; {@code displayDate}: e.g. "22 December 2022, 20:26", in the site language
 * <li>{@code isoModified}: RFC 3339 time of the last change: the update time, else the publication time
 * <li>{@code tags}, {@code authors}: with their site-wide names, links and counts
 * <li>{@code body}: rendered Markdown; print it with {@code | raw}
 * <li>{@code image}: root-relative or absolute image URL, or null; {@code absoluteImage}: its
 * absolute URL (Open Graph), or null
 * <li>{@code jsonLd}: schema.org NewsArticle as JSON, safe inside a script element: print with {@code | raw}
 * </ul>
 *
 * <p>A class rather than a record so that the body is not kept: see {@link #body()}.
 */
public final class ArticleView {
    private final String title;
    private final String url;
    private final String absoluteUrl;
    private final ZonedDateTime date;
    private final String isoDate;
    private final String displayDate;
    private final ZonedDateTime updated;
    private final String isoUpdated;
    private final String displayUpdated;
    private final String isoModified;
    private final Category category;
    private final List<Term> tags;
    private final List<Term> authors;
    private final String summary;
    private final dev.gazette.parse.Article article;
    private final String image;
    private final String absoluteImage;
    private final String imageAlt;
    private final String lang;
    private final String slug;
    private final Map<String, Object> params;
    private final boolean draft;
    private final boolean noindex;
    private final ArticleViews maker;
    /**
     * The teaser rendered for this view (see SiteRenderer's teasers), kept here rather than in a map:
     * a view serves one render call, as its teaser does, and a list page shows twenty of them.
     */
    private volatile Object teaser;

    ArticleView(String title, String url, String absoluteUrl, ZonedDateTime date, String isoDate,
            String displayDate, ZonedDateTime updated, String isoUpdated, String displayUpdated, String isoModified,
            Category category, List<Term> tags, List<Term> authors, String summary, dev.gazette.parse.Article article,
            String image, String absoluteImage, String imageAlt, String lang, String slug, Map<String, Object> params,
            boolean draft, boolean noindex, ArticleViews maker) {
        this.title = title;
        this.url = url;
        this.absoluteUrl = absoluteUrl;
        this.date = date;
        this.isoDate = isoDate;
        this.displayDate = displayDate;
        this.updated = updated;
        this.isoUpdated = isoUpdated;
        this.displayUpdated = displayUpdated;
        this.isoModified = isoModified;
        this.category = category;
        this.tags = tags;
        this.authors = authors;
        this.summary = summary;
        this.article = article;
        this.image = image;
        this.absoluteImage = absoluteImage;
        this.imageAlt = imageAlt;
        this.lang = lang;
        this.slug = slug;
        this.params = params;
        this.draft = draft;
        this.noindex = noindex;
        this.maker = maker;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public String absoluteUrl() {
        return absoluteUrl;
    }

    public ZonedDateTime date() {
        return date;
    }

    public String isoDate() {
        return isoDate;
    }

    public String displayDate() {
        return displayDate;
    }

    public ZonedDateTime updated() {
        return updated;
    }

    public String isoUpdated() {
        return isoUpdated;
    }

    public String displayUpdated() {
        return displayUpdated;
    }

    public String isoModified() {
        return isoModified;
    }

    public Category category() {
        return category;
    }

    public List<Term> tags() {
        TemplateReads.read(TemplateReads.ARTICLE_TERMS);
        return tags;
    }

    public List<Term> authors() {
        TemplateReads.read(TemplateReads.ARTICLE_TERMS);
        return authors;
    }

    public String summary() {
        return summary;
    }

    /**
     * Read from the article each time a template asks (an article page, once), never kept: the
     * views of a large archive's list pages would otherwise hold every body in memory.
     */
    public String body() {
        TemplateReads.bodyOf(article);
        return article.bodyHtml();
    }

    Object keptTeaser() {
        return teaser;
    }

    void keepTeaser(Object rendered) {
        teaser = rendered;
    }

    /** {@link #body()} as the page writer takes it: its UTF-8 bytes as the parse kept them. */
    Utf8PageWriter.Encoded encodedBody() {
        TemplateReads.bodyOf(article);
        return Utf8PageWriter.Encoded.ofUtf8(article.bodyUtf8());
    }

    public String image() {
        return image;
    }

    public String absoluteImage() {
        return absoluteImage;
    }

    public String imageAlt() {
        return imageAlt;
    }

    public String lang() {
        return lang;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> params() {
        return params;
    }

    public boolean draft() {
        return draft;
    }

    public boolean noindex() {
        return noindex;
    }

    public String jsonLd() {
        TemplateReads.read(TemplateReads.ARTICLE_TERMS);
        return maker.jsonLd(this);
    }
}
