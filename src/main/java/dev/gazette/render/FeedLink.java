package dev.gazette.render;

/** A feed to advertise in a page's head: {@code <link rel="alternate" type title href>}. */
public record FeedLink(String title, String type, String url) {
}
