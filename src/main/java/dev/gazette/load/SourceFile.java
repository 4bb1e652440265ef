package dev.gazette.load;

import dev.gazette.cache.Hashes;
import dev.gazette.diag.Diagnostics;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One Markdown article as found on disk.
 *
 * @param path path relative to the site root with forward slashes, e.g. {@code content/2022/12/a.md}
 * @param text the file's text, UTF-8 decoded, without a byte-order mark; null when the file was
 *     not read or its text not kept (see {@link #current} and {@link #read})
 * @param hash {@link Hashes#content} of the file's bytes: what caches recognise an unchanged file by; null
 *     when the file was not read and no earlier build knew it
 * @param file where the file is, to read it when {@code text} is null
 * @param stamp its size and modification time when it was listed
 */
public record SourceFile(String path, String text, String hash, Path file, FileStamp stamp) {
    public SourceFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(file);
        Objects.requireNonNull(stamp);
    }

    /** A file's text and the hash of its bytes. */
    public record Read(String text, String hash) {
    }

    /**
     * Reads the file now, for a build that reads each file only when it parses it; null, reported
     * to {@code diagnostics}, when it is not valid UTF-8.
     */
    public Read read(Diagnostics diagnostics) {
        byte[] bytes = ContentLoader.readBytes(file);
        String decoded = ContentLoader.decodeOrNull(bytes);
        if (decoded == null) {
            diagnostics.add(path, 0, "the file is not valid UTF-8", "save it as UTF-8");
            return null;
        }
        return new Read(decoded, Hashes.content(bytes));
    }

    /**
     * The text and its hash as they were read, or the file read now when its text was not kept: a
     * cached parse of the file cannot be reused (a link of it now resolves differently). Read now,
     * the hash is the current one, since the file may have been saved again after it was hashed.
     */
    public Read current(Diagnostics diagnostics) {
        return text != null && hash != null ? new Read(text, hash) : read(diagnostics);
    }

    /** The same file without its text, which is read again if a parse needs it (see {@link #current}). */
    public SourceFile withoutText() {
        return text == null || hash == null ? this : new SourceFile(path, null, hash, file, stamp);
    }

    /** The path relative to {@code content/}, e.g. {@code 2022/12/a.md}. */
    public String contentPath() {
        return path.substring(ContentLoader.CONTENT_DIR.length() + 1);
    }
}
