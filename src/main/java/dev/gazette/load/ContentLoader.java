package dev.gazette.load;

import dev.gazette.diag.Diagnostic;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
            return new LoadedContent(List.of(), List.of(), List.of());
        }
        return loadFiles(content, listFiles(content), diagnostics);
    }

    /**
     * Lists {@code content/} like {@link #load(Path, Diagnostics)} but reads no article: the hash of
     * one whose size and modification time are as {@code known} recorded is taken from there, the
     * others are left for the parser to read ({@link SourceFile#read()}), so that a large archive's
     * text is never all in memory at once.
     */
    public static LoadedContent list(Path siteRoot, KnownSources known) {
        return list(siteRoot, known, new TreeStamp());
    }

    /**
     * Like {@link #list(Path, KnownSources)}, and fills {@code stamp} with what the walk saw: the
     * {@link #stamp} of {@code content/} as it was listed.
     */
    public static LoadedContent list(Path siteRoot, KnownSources known, TreeStamp stamp) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            stamp.noFolder();
            return new LoadedContent(List.of(), List.of(), List.of());
        }
        return listed(content, listFiles(content, stamp), known);
    }

    /**
     * The stamp of the files under {@code dir} (a site's {@code content/} or {@code templates/}),
     * walked as the listing walks {@code content/}: without hidden files and folders.
     */
    public static TreeStamp stamp(Path dir) {
        if (!Files.isDirectory(dir)) {
            return TreeStamp.none();
        }
        TreeStamp stamp = new TreeStamp();
        walk(dir, null, stamp);
        return stamp;
    }

    /** The listed files, articles not read: with a hash when {@code known} has one, else none yet. */
    private static LoadedContent listed(Path content, Map<Path, FileStamp> paths, KnownSources known) {
        List<SourceFile> articles = new ArrayList<>();
        List<StaticFile> files = new ArrayList<>();
        for (Map.Entry<Path, FileStamp> entry : paths.entrySet()) {
            String relative = relativePath(content, entry.getKey());
            if (relative.endsWith(".md")) {
                String display = CONTENT_DIR + "/" + relative;
                articles.add(new SourceFile(display, null, known.hash(display, entry.getValue()), entry.getKey(),
                        entry.getValue()));
            } else {
                files.add(new StaticFile(relative, entry.getKey(), entry.getValue()));
            }
        }
        return new LoadedContent(articles, files, List.of());
    }

    /**
     * Reloads only what changed since {@code previous}: each changed path (a file or a folder,
     * added, modified or deleted) is read again or dropped; everything else is taken from
     * {@code previous}. Used by the preview server, whose watcher names the changed paths.
     */
    public static LoadedContent update(LoadedContent previous, Path siteRoot, Set<Path> changed,
            Diagnostics diagnostics) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return new LoadedContent(List.of(), List.of(), List.of());
        }
        Path absoluteContent = content.toAbsolutePath().normalize();
        List<String> prefixes = new ArrayList<>();
        List<Path> reread = new ArrayList<>();
        for (Path path : changed) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!absolute.startsWith(absoluteContent) || absolute.equals(absoluteContent)) {
                return load(siteRoot, diagnostics);
            }
            String relative = relativePath(absoluteContent, absolute);
            prefixes.add(relative);
            if (Files.isDirectory(absolute)) {
                reread.addAll(listFiles(content).keySet().stream()
                        .filter(p -> relativePath(content, p).startsWith(relative + "/")).toList());
            } else if (Files.isRegularFile(absolute) && !isHidden(absoluteContent, absolute)
                    && insideRealPath(realPath(content), absolute)) {
                reread.add(content.resolve(relative));
            }
        }
        Map<Path, FileStamp> stamped = new java.util.LinkedHashMap<>();
        for (Path path : reread) {
            try {
                stamped.put(path, FileStamp.of(Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class)));
            } catch (IOException e) {
                // Gone again since the watcher saw it: the next event will say so.
            }
        }
        LoadedContent fresh = loadFiles(content, stamped, diagnostics);
        Map<String, SourceFile> articles = new TreeMap<>();
        Map<String, StaticFile> files = new TreeMap<>();
        Map<String, Diagnostic> unreadable = new TreeMap<>();
        int contentStart = CONTENT_DIR.length() + 1;
        for (SourceFile f : previous.articles()) {
            if (!isUnder(f.path(), contentStart, prefixes)) {
                articles.put(f.contentPath(), f);
            }
        }
        for (StaticFile f : previous.files()) {
            if (!isUnder(f.contentPath(), 0, prefixes)) {
                files.put(f.contentPath(), f);
            }
        }
        for (Diagnostic d : previous.unreadable()) {
            if (!isUnder(d.file(), contentStart, prefixes)) {
                unreadable.put(d.file(), d);
                diagnostics.add(d);
            }
        }
        fresh.articles().forEach(f -> articles.put(f.contentPath(), f));
        fresh.files().forEach(f -> files.put(f.contentPath(), f));
        fresh.unreadable().forEach(d -> unreadable.put(d.file(), d));
        return new LoadedContent(new ArrayList<>(articles.values()), new ArrayList<>(files.values()),
                new ArrayList<>(unreadable.values()));
    }

    /**
     * The files under {@code content/} added, changed or deleted since {@code previous} was
     * listed at {@code listedAt}, found by one walk that also fills {@code stamp} (as
     * {@link #list} does): each file whose size or modification time differs, and each modified
     * less than two seconds before that listing or after it, since an edit within the same clock
     * tick can keep both (as {@link KnownSources} has it). A file that could not be read is not
     * in {@code previous}: it counts as added, so its problem is reported again.
     */
    public static Set<Path> changedSince(LoadedContent previous, java.time.Instant listedAt, Path siteRoot,
            TreeStamp stamp) {
        Path content = siteRoot.resolve(CONTENT_DIR);
        Map<Path, FileStamp> now = new java.util.HashMap<>();
        if (Files.isDirectory(content)) {
            for (Listed listed : walk(content, realPath(content), stamp)) {
                now.put(listed.file(), listed.stamp());
            }
        } else {
            stamp.noFolder();
        }
        java.time.Instant trustedFrom = listedAt.minus(KnownSources.RACY);
        long trusted = trustedFrom.getEpochSecond() * 1_000_000_000L + trustedFrom.getNano();
        Set<Path> changed = new java.util.HashSet<>();
        for (SourceFile file : previous.articles()) {
            compare(file.file(), file.stamp(), now, trusted, changed);
        }
        for (StaticFile file : previous.files()) {
            compare(file.source(), file.stamp(), now, trusted, changed);
        }
        changed.addAll(now.keySet()); // what is left was not there before
        return changed;
    }

    private static void compare(Path file, FileStamp before, Map<Path, FileStamp> now, long trusted, Set<Path> changed) {
        FileStamp stamp = now.remove(file);
        if (stamp == null || !stamp.equals(before) || before.modifiedNanos() >= trusted) {
            changed.add(file);
        }
    }

    /** Whether {@code path} from index {@code from} on is one of {@code prefixes} or lies under one. */
    private static boolean isUnder(String path, int from, List<String> prefixes) {
        for (String prefix : prefixes) {
            int end = from + prefix.length();
            if (path.startsWith(prefix, from) && (path.length() == end || path.charAt(end) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static LoadedContent loadFiles(Path content, Map<Path, FileStamp> paths, Diagnostics diagnostics) {
        LoadedContent listed = listed(content, paths, KnownSources.none());
        Diagnostics unreadable = new Diagnostics();
        // Reading is I/O bound on small files: parallel reads help on large archives.
        List<SourceFile> articles = listed.articles().parallelStream()
                .map(file -> read(file, unreadable))
                .filter(java.util.Objects::nonNull)
                .toList();
        unreadable.sorted().forEach(diagnostics::add);
        return new LoadedContent(articles, listed.files(), unreadable.sorted());
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /**
     * Lists regular files under {@code content}, sorted by relative path, skipping hidden files and
     * folders. A symbolic link is followed only when it stays inside {@code content}.
     */
    private static Map<Path, FileStamp> listFiles(Path content) {
        return listFiles(content, new TreeStamp());
    }

    /** {@link #listFiles(Path)}, filling {@code stamp} as it goes. */
    private static Map<Path, FileStamp> listFiles(Path content, TreeStamp stamp) {
        TreeMap<String, Listed> sorted = new TreeMap<>();
        for (Listed listed : walk(content, realPath(content), stamp)) {
            sorted.put(listed.relative(), listed);
        }
        Map<Path, FileStamp> out = new java.util.LinkedHashMap<>();
        sorted.values().forEach(listed -> out.put(listed.file(), listed.stamp()));
        return out;
    }

    /**
     * Walks {@code dir}, adding what it sees to {@code stamp}, and returns the files that are
     * published, in no order (none when {@code realDir}, which links must stay inside, is null).
     * Each top-level entry (a year's folder, usually) is walked on a core of its own: the walk was
     * a tenth of a rebuild through the build daemon.
     */
    private static List<Listed> walk(Path dir, Path realDir, TreeStamp stamp) {
        List<Path> top;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            top = entries.toList();
            stamp.folder(Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Walked> parts = top.parallelStream().map(root -> walkTree(dir, realDir, root)).toList();
        List<Listed> files = new ArrayList<>();
        for (Walked part : parts) {
            files.addAll(part.files());
            stamp.add(part.stamp());
        }
        return files;
    }

    private record Listed(String relative, Path file, FileStamp stamp) {
    }

    private record Walked(List<Listed> files, TreeStamp stamp) {
    }

    /** The files under {@code root} (a file or folder in {@code dir}) that are published, and their stamp. */
    private static Walked walkTree(Path dir, Path realDir, Path root) {
        List<Listed> files = new ArrayList<>();
        TreeStamp stamp = new TreeStamp();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path folder,
                        java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (folder.getFileName().toString().startsWith(".")) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    stamp.folder(attrs);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (file.getFileName().toString().startsWith(".")) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    String relative = relativePath(dir, file);
                    stamp.file(relative, file, attrs);
                    boolean ok = realDir != null && (attrs.isRegularFile()
                            || attrs.isSymbolicLink() && Files.isRegularFile(file) && insideRealPath(realDir, file));
                    if (ok) {
                        files.add(new Listed(relative, file, attrs.isRegularFile() ? FileStamp.of(attrs) : targetStamp(file)));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return new Walked(files, stamp);
    }

    /** A linked file's stamp is its target's. */
    private static FileStamp targetStamp(Path link) {
        try {
            return FileStamp.of(Files.readAttributes(link, java.nio.file.attribute.BasicFileAttributes.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + link, e);
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
        // Paths from a walk start with the root's text: cutting it off is much cheaper than
        // relativize, and runs once or twice per file of a large archive.
        String r = root.toString();
        String p = path.toString();
        if (p.length() > r.length() + 1 && p.startsWith(r) && p.charAt(r.length()) == java.io.File.separatorChar) {
            return p.substring(r.length() + 1).replace('\\', '/');
        }
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static SourceFile read(SourceFile unread, Diagnostics diagnostics) {
        SourceFile.Read read = unread.read(diagnostics);
        return read == null ? null : new SourceFile(unread.path(), read.text(), read.hash(), unread.file(), unread.stamp());
    }

    static byte[] readBytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The text, or null when the bytes are not valid UTF-8. */
    static String decodeOrNull(byte[] bytes) {
        try {
            return decodeStrictly(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeStrictly(byte[] bytes) throws CharacterCodingException {
        // The String constructor is the fast path; only text that came out with replacement
        // characters goes through the strict decoder, to tell bad bytes from a real U+FFFD.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
