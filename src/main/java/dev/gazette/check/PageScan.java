package dev.gazette.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checker needs from one parsed page.
 *
 * @param page the page's path relative to the output folder, e.g. {@code 2022/12/22/a/index.html}
 * @param base the absolute URL its relative links resolve against: the page's own URL, or its
 *     {@code <base href>}
 * @param links every URL the page refers to, once each
 * @param anchors the targets of {@code #fragment} links: every id and {@code a[name]}
 * @param duplicateIds ids carried by more than one element, with how many carry them
 * @param title the text of {@code <title>}, empty when there is none
 * @param canonicals the href of each {@code <link rel="canonical">}
 */
record PageScan(String page, String base, Set<String> links, Set<String> anchors, Map<String, Integer> duplicateIds,
        String title, List<String> canonicals) {
    PageScan {
        links = Set.copyOf(links);
        anchors = Set.copyOf(anchors);
        duplicateIds = Map.copyOf(duplicateIds);
        canonicals = List.copyOf(canonicals);
    }
}
