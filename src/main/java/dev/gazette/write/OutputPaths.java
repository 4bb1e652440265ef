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
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0 || relative.endsWith("/")) {
            throw new IllegalArgumentException("bad output path: " + relative);
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bad output path: " + relative);
            }
        }
        for (int i = 0; i < relative.length(); i++) {
            if (relative.charAt(i) < 0x20) {
                throw new IllegalArgumentException("bad output path: " + relative);
            }
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + relative);
        }
        return resolved;
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
