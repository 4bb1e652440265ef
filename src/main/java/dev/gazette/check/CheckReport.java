package dev.gazette.check;

import java.util.List;

/**
 * The outcome of checking a built site.
 *
 * @param pages how many HTML pages were checked
 * @param problems every problem found, sorted by page, link and message
 */
public record CheckReport(int pages, List<Problem> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
