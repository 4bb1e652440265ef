package dev.gazette.index;

/** One numbered page of a paginated list; {@code url} is a root-relative link. */
public record PageLink(int number, String url, boolean current) {
}
