package dev.gazette.render;

import dev.gazette.index.Category;
import dev.gazette.index.Term;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * An article as templates see it: links carry the base path, dates come ready to print.
 *
 * @param url root-relative link to the article
 * @param absoluteUrl the article's absolute URL (canonical, Open Graph)
 * @param date publication time in the site time zone
 * @param isoDate RFC 3339 with offset, for {@code <time datetime>}
 * @param displayDate e.g. "22 December 2022, 20:26", in the site language
 * @param isoModified RFC 3339 time of the last change: the update time, else the publication time
 * @param tags the article's tags with their site-wide names, links and counts
 * @param authors the article's authors, likewise
 * @param body rendered Markdown; print it with {@code | raw}
 * @param image root-relative or absolute image URL, or null
 * @param absoluteImage the image's absolute URL (Open Graph), or null
 * @param jsonLd schema.org NewsArticle as JSON, safe inside a script element: print with {@code | raw}
 */
public record ArticleView(
        String title,
        String url,
        String absoluteUrl,
        ZonedDateTime date,
        String isoDate,
        String displayDate,
        ZonedDateTime updated,
        String isoUpdated,
        String displayUpdated,
        String isoModified,
        Category category,
        List<Term> tags,
        List<Term> authors,
        String summary,
        String body,
        String image,
        String absoluteImage,
        String imageAlt,
        String lang,
        String slug,
        Map<String, Object> params,
        boolean draft,
        boolean noindex,
        String jsonLd) {
}
