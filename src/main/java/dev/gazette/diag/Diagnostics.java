package dev.gazette.diag;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Collects every problem of one build so that a single run reports them all. Thread-safe, because
 * stages parse and render in parallel; duplicates (the same template error hit by many pages)
 * are kept once, and the result is sorted so output does not depend on thread timing.
 */
public final class Diagnostics {

    private final ConcurrentSkipListSet<Diagnostic> problems = new ConcurrentSkipListSet<>();

    public void add(Diagnostic diagnostic) {
        problems.add(diagnostic);
    }

    public void add(String file, int line, String message, String hint) {
        add(new Diagnostic(file, line, message, hint));
    }

    public boolean hasErrors() {
        return !problems.isEmpty();
    }

    public List<Diagnostic> sorted() {
        return List.copyOf(problems);
    }
}
