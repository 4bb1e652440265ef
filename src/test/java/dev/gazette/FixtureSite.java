package dev.gazette;

import dev.gazette.build.SiteBuild;
import dev.gazette.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small site written into a temp folder from a text block of {@code -- path --} sections,
 * built through the real command line.
 */
public final class FixtureSite {

    /** What one command run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private final Path root;
    private SiteBuild.Runner builds = SiteBuild::run;

    private FixtureSite(Path root) {
        this.root = root;
    }

    /** Writes the sections of {@code spec} under {@code dir}. */
    public static FixtureSite write(Path dir, String spec) {
        FixtureSite site = new FixtureSite(dir);
        site.add(spec);
        return site;
    }

    /** Adds or replaces files: sections start with a line {@code -- relative/path --}. */
    public FixtureSite add(String spec) {
        String path = null;
        StringBuilder text = new StringBuilder();
        for (String line : spec.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                if (path != null) {
                    file(path, text.toString());
                }
                path = line.substring(3, line.length() - 3).strip();
                text.setLength(0);
            } else if (path != null) {
                text.append(line).append('\n');
            }
        }
        if (path != null) {
            file(path, text.toString());
        }
        return this;
    }

    public FixtureSite file(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** From now on, builds run through {@code builds} (a build daemon's), not as one-off builds. */
    public FixtureSite buildingWith(SiteBuild.Runner builds) {
        this.builds = builds;
        return this;
    }

    public Path root() {
        return root;
    }

    public Path output() {
        return root.resolve("site");
    }

    /** Runs {@code gazette <args>} in-process; {@code --source} is added for build-like commands. */
    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), builds);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code gazette build --source <root> <extra>}. */
    public Run build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", root.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /** Builds and fails the test with the printed errors unless the build succeeded. */
    public FixtureSite buildOk(String... extra) {
        Run run = build(extra);
        if (run.exitCode() != 0) {
            throw new AssertionError("build failed with " + run.exitCode() + ":\n" + run.err() + run.out());
        }
        return this;
    }

    /** The parsed output page at a site path such as {@code /2022/12/} or {@code /404.html}. */
    public Document page(String sitePath) {
        Path file = outputFile(sitePath);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no page at " + sitePath + " (" + file + ")");
        }
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://example.org" + sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String sitePath) {
        return Files.exists(outputFile(sitePath));
    }

    public Path outputFile(String sitePath) {
        String rel = sitePath.substring(1);
        if (rel.isEmpty() || rel.endsWith("/")) {
            rel += "index.html";
        }
        return output().resolve(rel);
    }

    /** Every output file with its bytes, by relative path. */
    public static Map<String, byte[]> tree(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Copies a folder tree, e.g. the repository's sample site into a test's folder. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree, as {@code rm -rf} would. */
    public static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article file with the given front matter lines and body. */
    public static String article(String frontMatter, String body) {
        return "---\n" + frontMatter.strip() + "\n---\n" + body;
    }
}
