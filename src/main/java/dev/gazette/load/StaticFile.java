package dev.gazette.load;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A non-Markdown file under {@code content/} (an image, a PDF) published at the same relative path.
 *
 * @param contentPath path relative to {@code content/} with forward slashes
 * @param source the file on disk
 * @param stamp its size and modification time when it was listed
 */
public record StaticFile(String contentPath, Path source, FileStamp stamp) {
    public StaticFile {
        Objects.requireNonNull(contentPath);
        Objects.requireNonNull(source);
        Objects.requireNonNull(stamp);
    }
}
