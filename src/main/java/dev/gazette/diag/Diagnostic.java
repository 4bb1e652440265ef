package dev.gazette.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem with the user's input.
 *
 * @param file path relative to the site root, with forward slashes (e.g. {@code content/a.md})
 * @param line 1-based line in that file, or 0 when the problem concerns the whole file
 * @param message what is wrong
 * @param hint how to fix it, or null
 */
public record Diagnostic(String file, int line, String message, String hint) implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparing(Diagnostic::message)
            .thenComparing(d -> d.hint() == null ? "" : d.hint());

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public static Diagnostic of(String file, int line, String message, String hint) {
        return new Diagnostic(file, line, message, hint);
    }

    /** The form printed to the terminal: {@code path:line: message; hint}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(message);
        if (hint != null && !hint.isEmpty()) {
            out.append("; ").append(hint);
        }
        return out.toString();
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
