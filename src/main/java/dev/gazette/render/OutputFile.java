package dev.gazette.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of the output: rendered bytes, or a file to copy as it is.
 *
 * @param path path inside the output folder, forward slashes, no leading slash
 * @param bytes the content, or null when {@code copyFrom} is set
 * @param copyFrom the file to copy, or null
 * @param origin what produced it (a content file, "theme asset", "home page"), for error messages
 * @param originLine line in {@code origin}, or 0
 */
public record OutputFile(String path, byte[] bytes, Path copyFrom, String origin, int originLine) {
    public OutputFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(origin);
        if ((bytes == null) == (copyFrom == null)) {
            throw new IllegalArgumentException("exactly one of bytes and copyFrom: " + path);
        }
    }

    public static OutputFile rendered(String path, byte[] bytes, String origin, int originLine) {
        return new OutputFile(path, bytes, null, origin, originLine);
    }

    public static OutputFile copied(String path, Path source, String origin) {
        return new OutputFile(path, null, source, origin, 0);
    }

    /**
     * Whether both lists name the same paths in the same order: the preview's usual case, where
     * an edit changes files but not which files there are, checked without a map.
     */
    public static boolean samePaths(java.util.List<OutputFile> a, java.util.List<OutputFile> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equals(b.get(i).path())) {
                return false;
            }
        }
        return true;
    }
}
