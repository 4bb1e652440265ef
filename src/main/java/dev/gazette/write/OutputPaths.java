package dev.gazette.write;

import java.nio.file.Files;
import java.nio.file.Path;

/** Rules that keep every write inside the output folder and keep the output folder away from sources. */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Returns why {@code output} may not be used as the output folder of the site at {@code source},
     * or null if it may. The folder is replaced on every build, so it must not hold the sources,
     * and an existing folder must look like a previous build.
     */
    public static String problem(Path source, Path output) {
        Path src = source.toAbsolutePath().normalize();
        Path out = output.toAbsolutePath().normalize();
        if (src.startsWith(out)) {
            return "the output folder " + output + " contains the site's sources, and it is replaced on every build";
        }
        for (String dir : new String[] {"content", "templates"}) {
            if (out.startsWith(src.resolve(dir))) {
                return "the output folder " + output + " is inside " + dir + "/";
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return output + " exists and is not a folder";
        }
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve("index.html")) && !isEmpty(out)) {
            return "the output folder " + output + " is not empty and holds no index.html, so it does not look"
                    + " like a site Gazette built; it would be replaced";
        }
        return null;
    }

    /**
     * Resolves a relative output path inside {@code root}, refusing anything that could land
     * elsewhere: absolute paths, "..", empty or hidden-dot segments, backslashes, control characters.
     */
    static Path resolveInside(Path root, String relative) {
        // One pass over the characters: this runs for every file of every build, tens of
        // thousands of times, mostly before the JIT has compiled anything.
        int length = relative.length();
        int segmentStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? relative.charAt(i) : '/';
            if (c == '/') {
                int segment = i - segmentStart;
                if (segment == 0 || relative.charAt(segmentStart) == '.'
                        && (segment == 1 || segment == 2 && relative.charAt(segmentStart + 1) == '.')) {
                    throw new IllegalArgumentException("bad output path: " + relative);
                }
                segmentStart = i + 1;
            } else if (c == '\\' || c < 0x20) {
                throw new IllegalArgumentException("bad output path: " + relative);
            }
        }
        // No empty, "." or ".." segment and no leading slash: the path stays inside root.
        return root.resolve(relative);
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
