package dev.gazette.render;

import dev.gazette.cache.Hashes;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where templates and assets come from: the site's {@code templates/} folder first, then the
 * default theme packaged in Gazette's jar (the repository's {@code templates/}). A site file
 * overrides the default file of the same name.
 */
public final class Theme {

    public static final String TEMPLATES_DIR = "templates";
    static final String CLASSPATH_ROOT = "theme";
    private static final String ASSETS = "assets";

    private final Path siteTemplates;

    public Theme(Path siteRoot) {
        Path dir = siteRoot.resolve(TEMPLATES_DIR);
        this.siteTemplates = Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
    }

    Loader<?> loader() {
        List<Loader<?>> loaders = new ArrayList<>();
        if (siteTemplates != null) {
            // An explicit base directory: Pebble's file loader must not read outside it (CVE-2025-1686).
            FileLoader files = new FileLoader(siteTemplates.toString() + "/");
            files.setCharset("UTF-8");
            loaders.add(files);
        }
        ClasspathLoader packaged = new ClasspathLoader(Theme.class.getClassLoader());
        packaged.setPrefix(CLASSPATH_ROOT);
        packaged.setCharset("UTF-8");
        loaders.add(packaged);
        return new DelegatingLoader(loaders) {
            /**
             * Pebble resolves only names that start with "./" or "../" against the including
             * template; it found that out by rewriting both names with a regular expression for
             * each loader at every include (half a percent of a cold build).
             */
            @Override
            public String resolveRelativePath(String relativePath, String anchorPath) {
                return relativePath == null || !relativePath.startsWith(".") ? null
                        : super.resolveRelativePath(relativePath, anchorPath);
            }
        };
    }

    /** How to name a template in an error: the site's file, or the default theme's. */
    String describe(String templateName) {
        if (templateName == null) {
            return TEMPLATES_DIR;
        }
        if (siteTemplates != null && Files.isRegularFile(siteTemplates.resolve(templateName))) {
            return TEMPLATES_DIR + "/" + templateName;
        }
        return TEMPLATES_DIR + "/" + templateName + " (default theme)";
    }

    /** A hash of every template and asset this theme uses (the site's and the packaged ones). */
    String fingerprint() {
        StringBuilder all = new StringBuilder();
        packagedFiles().forEach((name, bytes) -> all.append(name).append('=')
                .append(Hashes.sha256(bytes)).append('\n'));
        if (siteTemplates != null) {
            for (Path file : listFiles(siteTemplates)) {
                try {
                    all.append(siteTemplates.relativize(file)).append('=')
                            .append(Hashes.sha256(Files.readAllBytes(file))).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        return Hashes.sha256(all.toString());
    }

    /** The 1-based line of {@code templateName} that contains {@code text}, or 0. */
    int lineContaining(String templateName, String text) {
        try (var reader = new java.io.BufferedReader(loaderReader(templateName))) {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.contains(text)) {
                    return n;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private java.io.Reader loaderReader(String templateName) {
        @SuppressWarnings("unchecked")
        Loader<Object> loader = (Loader<Object>) loader();
        return loader.getReader(loader.createCacheKey(templateName));
    }

    /** The theme's assets by path under {@code assets/}: the default theme's, overridden by the site's. */
    Map<String, OutputFile> assets() {
        Map<String, OutputFile> out = new TreeMap<>();
        packagedAssets(out);
        if (siteTemplates != null) {
            Path dir = siteTemplates.resolve(ASSETS);
            if (Files.isDirectory(dir)) {
                for (Path file : listFiles(dir)) {
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    out.put(rel, OutputFile.copied(ASSETS + "/" + rel, file, TEMPLATES_DIR + "/" + ASSETS + "/" + rel));
                }
            }
        }
        return out;
    }

    private static void packagedAssets(Map<String, OutputFile> out) {
        packagedFiles().forEach((rel, bytes) -> {
            if (rel.startsWith(ASSETS + "/")) {
                String name = rel.substring(ASSETS.length() + 1);
                out.put(name, OutputFile.rendered(rel, bytes, TEMPLATES_DIR + "/" + rel + " (default theme)", 0));
            }
        });
    }

    /**
     * Every file of the default theme packaged in Gazette, by path relative to the theme root. Read
     * once per run: the jar does not change under a running Gazette. The arrays must not be changed.
     */
    public static Map<String, byte[]> packagedFiles() {
        return Packaged.FILES;
    }

    private static final class Packaged {
        static final Map<String, byte[]> FILES = Collections.unmodifiableMap(readPackaged());
    }

    private static Map<String, byte[]> readPackaged() {
        Map<String, byte[]> out = new TreeMap<>();
        URL url = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "/base.html");
        if (url == null) {
            return out;
        }
        try {
            if (url.getProtocol().equals("jar")) {
                // The jar Gazette runs from, opened by name: the class loader has its directory in
                // memory already, where a zip file system would read all of it again.
                Path jarPath = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
                String prefix = CLASSPATH_ROOT + "/";
                try (JarFile jar = new JarFile(jarPath.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (name.startsWith(prefix) && !entry.isDirectory()
                                && !name.substring(name.lastIndexOf('/') + 1).startsWith(".")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                out.put(name.substring(prefix.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                readAll(Path.of(url.toURI()).getParent(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default theme", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void readAll(Path dir, Map<String, byte[]> out) throws IOException {
        for (Path file : listFiles(dir)) {
            out.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
    }

    private static List<Path> listFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
