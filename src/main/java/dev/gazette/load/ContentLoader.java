package dev.gazette.load;

import dev.gazette.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Walks {@code content/}: Markdown files become articles, other files are published as they are. */
public final class ContentLoader {

    public static final String CONTENT_DIR = "content";

    private ContentLoader() {
    }

    /**
     * Reads every {@code *.md} file under {@code siteRoot/content} (any depth) and lists the other
     * files. Hidden files and folders are skipped, and so are links that lead outside {@code content/},
     * so nothing from elsewhere on the machine can be published.
     */
    public static LoadedContent load(Path siteRoot, Diagnostics diagnostics) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return new LoadedContent(List.of(), List.of());
        }
        List<Path> paths = listFiles(content);
        List<SourceFile> articles = new ArrayList<>();
        List<StaticFile> files = new ArrayList<>();
        List<Path> markdown = new ArrayList<>();
        for (Path path : paths) {
            String relative = relativePath(content, path);
            if (relative.endsWith(".md")) {
                markdown.add(path);
            } else {
                files.add(new StaticFile(relative, path));
            }
        }
        // Reading is I/O bound on small files: parallel reads help on large archives.
        List<SourceFile> read = markdown.parallelStream()
                .map(path -> read(content, path, diagnostics))
                .toList();
        for (SourceFile file : read) {
            if (file != null) {
                articles.add(file);
            }
        }
        return new LoadedContent(articles, files);
    }

    private static List<Path> listFiles(Path content) {
        Path realContent;
        try {
            realContent = content.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + content, e);
        }
        try (Stream<Path> walk = Files.walk(content)) {
            return walk
                    .filter(p -> !isHidden(content, p))
                    .filter(Files::isRegularFile)
                    .filter(p -> insideRealPath(realContent, p))
                    .sorted(Comparator.comparing(p -> relativePath(content, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + content, e);
        }
    }

    private static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideRealPath(Path realRoot, Path path) {
        try {
            return path.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String relativePath(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static SourceFile read(Path content, Path path, Diagnostics diagnostics) {
        String display = CONTENT_DIR + "/" + relativePath(content, path);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new SourceFile(display, text);
        } catch (CharacterCodingException e) {
            diagnostics.add(display, 0, "the file is not valid UTF-8", "save it as UTF-8");
            return null;
        }
    }
}
