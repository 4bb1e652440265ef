package dev.gazette.load;

import java.util.List;

/** Everything under {@code content/}, each list sorted by path. */
public record LoadedContent(List<SourceFile> articles, List<StaticFile> files) {
    public LoadedContent {
        articles = List.copyOf(articles);
        files = List.copyOf(files);
    }
}
