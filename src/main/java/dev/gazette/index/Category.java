package dev.gazette.index;

/**
 * A category of the site.
 *
 * @param url root-relative link to its index, with the base path
 * @param count number of articles in it
 */
public record Category(String name, String slug, String url, int count) {
}
