package dev.gazette.load;

import java.util.Objects;

/**
 * One Markdown article as read from disk.
 *
 * @param path path relative to the site root with forward slashes, e.g. {@code content/2022/12/a.md}
 * @param text the file's text, UTF-8 decoded, without a byte-order mark
 * @param hash SHA-256 of the file's bytes, hex: what caches recognise an unchanged file by
 */
public record SourceFile(String path, String text, String hash) {
    public SourceFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(text);
        Objects.requireNonNull(hash);
    }

    /** The path relative to {@code content/}, e.g. {@code 2022/12/a.md}. */
    public String contentPath() {
        return path.substring(ContentLoader.CONTENT_DIR.length() + 1);
    }
}
