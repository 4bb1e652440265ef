package dev.gazette.render;

/** The current page as templates see it ({@code page}); {@code url} is root-relative with the base path. */
public record PageView(String kind, String title, String description, String url) {
}
