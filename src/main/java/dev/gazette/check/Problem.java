package dev.gazette.check;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a built site.
 *
 * @param page the page's path relative to the output folder, with forward slashes
 *     (e.g. {@code 2022/12/22/a/index.html})
 * @param link the link as written in the page (e.g. {@code /news/2022/13/}), or the part of the
 *     page that is wrong when the problem is not a link ({@code <title>}, {@code id="lead"})
 * @param message what is wrong
 */
public record Problem(String page, String link, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::page)
            .thenComparing(Problem::link)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(message, "message");
    }

    /** The form printed to the terminal: {@code page: link -> what is wrong}. */
    @Override
    public String toString() {
        return page + ": " + link + " -> " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
