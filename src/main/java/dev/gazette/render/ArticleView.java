package dev.gazette.render;

import dev.gazette.index.Category;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * An article as templates see it: links carry the base path, dates come ready to print.
 *
 * @param url root-relative link to the article
 * @param date publication time in the site time zone
 * @param isoDate RFC 3339 with offset, for {@code <time datetime>}
 * @param displayDate e.g. "22 December 2022, 20:26", in the site language
 * @param body rendered Markdown; print it with {@code | raw}
 * @param image root-relative or absolute image URL, or null
 */
public record ArticleView(
        String title,
        String url,
        ZonedDateTime date,
        String isoDate,
        String displayDate,
        ZonedDateTime updated,
        String isoUpdated,
        String displayUpdated,
        Category category,
        List<TagView> tags,
        List<String> authors,
        String summary,
        String body,
        String image,
        String imageAlt,
        String lang,
        String slug,
        Map<String, Object> params,
        boolean draft) {

    /** A tag with its slug, which identifies it. */
    public record TagView(String name, String slug) {
    }
}
