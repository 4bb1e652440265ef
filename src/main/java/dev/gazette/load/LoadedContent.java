package dev.gazette.load;

import dev.gazette.diag.Diagnostic;
import java.util.List;

/**
 * Everything under {@code content/}, each list sorted by path.
 *
 * @param unreadable problems with files that could not be read (not UTF-8), kept so that an
 *     incremental reload reports them again until the file is fixed
 */
public record LoadedContent(List<SourceFile> articles, List<StaticFile> files, List<Diagnostic> unreadable) {
    public LoadedContent {
        articles = List.copyOf(articles);
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** The same content without the articles' texts, which a parse that needs one reads again. */
    public LoadedContent withoutTexts() {
        return new LoadedContent(articles.stream().map(SourceFile::withoutText).toList(), files, unreadable);
    }
}
