package dev.gazette.parse;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed article.
 *
 * @param source path of the Markdown file relative to the site root ({@code content/2022/12/a.md})
 * @param urlLine line of the front-matter key its URL comes from ({@code slug}, else {@code title}),
 *     for errors about the URL
 * @param url the article's site path ({@code /2022/12/22/a/}), without the base path
 * @param date publication time in the site time zone
 * @param updated last update in the site time zone, or null
 * @param category the category as written in the front matter
 * @param categorySlug the category's slug, which identifies it
 * @param summary plain text, given or taken from the first paragraph
 * @param image the image as a site path ({@code /2022/12/photo.jpg}) or an absolute URL; null if none
 * @param lang the article's language tag, or null for the site language
 * @param noindex kept out of sitemaps and feeds and marked for search engines not to index
 * @param params front-matter keys Gazette does not know, as plain strings, lists and maps
 * @param body the rendered Markdown
 * @param fingerprint changes whenever anything above may change: a hash of the source path, URL
 *     and text and of what its relative links resolved to
 */
public record Article(
        String source,
        int urlLine,
        String url,
        String title,
        String slug,
        ZonedDateTime date,
        ZonedDateTime updated,
        String category,
        String categorySlug,
        List<String> tags,
        List<String> authors,
        String summary,
        boolean draft,
        boolean noindex,
        String image,
        String imageAlt,
        String lang,
        Map<String, Object> params,
        Body body,
        String fingerprint) {

    public Article {
        Objects.requireNonNull(source);
        Objects.requireNonNull(url);
        Objects.requireNonNull(title);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(date);
        Objects.requireNonNull(category);
        Objects.requireNonNull(categorySlug);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(imageAlt);
        Objects.requireNonNull(body);
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /**
     * Whether the two differ at most in their bodies (and so in their fingerprints): a page that
     * lists this article but never prints its body is the same for both.
     */
    public boolean sameApartFromBody(Article other) {
        return this == other || other != null && urlLine == other.urlLine && draft == other.draft
                && noindex == other.noindex && source.equals(other.source) && url.equals(other.url)
                && title.equals(other.title) && slug.equals(other.slug) && date.equals(other.date)
                && Objects.equals(updated, other.updated) && category.equals(other.category)
                && categorySlug.equals(other.categorySlug) && tags.equals(other.tags) && authors.equals(other.authors)
                && summary.equals(other.summary) && Objects.equals(image, other.image)
                && imageAlt.equals(other.imageAlt) && Objects.equals(lang, other.lang) && params.equals(other.params);
    }

    /** The same article with {@code body} in place of its own. */
    public Article withBody(Body body) {
        return new Article(source, urlLine, url, title, slug, date, updated, category, categorySlug, tags, authors,
                summary, draft, noindex, image, imageAlt, lang, params, body, fingerprint);
    }

    /** The rendered Markdown. */
    public String bodyHtml() {
        return body.html();
    }

    /** The rendered Markdown as UTF-8, as it is kept: a page prints it without decoding it first. */
    public byte[] bodyUtf8() {
        return body.utf8();
    }
}
