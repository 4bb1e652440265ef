package dev.gazette.build;

import dev.gazette.config.ConfigLoader;
import dev.gazette.load.ContentLoader;
import dev.gazette.render.Theme;
import dev.gazette.write.SiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Builds a small copy of a site again and again, so that a fresh JVM (the build daemon) has
 * compiled the build's code before the site's own next build arrives: the copy takes the site's
 * config, templates and a sample of its articles, and goes through a cold build, edits, an added
 * and a removed article. It writes only under {@code .gazette/warm-up} of the site, and removes
 * that folder when done. A sample that fails to build (its links point outside it) still warms
 * everything up to rendering.
 */
public final class WarmUp {

    /** The scratch folder, under the site's git-ignored cache folder. */
    public static final String DIR = BuildSession.STATE_DIR + "/warm-up";

    private WarmUp() {
    }

    /**
     * @param sample how many articles to copy at most, spread over the whole archive
     * @param rounds how many edit builds to run after the cold one
     * @param stopped checked between builds: true ends the warm-up
     * @return how many of its builds succeeded
     */
    public static int run(Path site, int sample, int rounds, BooleanSupplier stopped) {
        Path scratch = site.resolve(DIR);
        int succeeded = 0;
        try {
            SiteWriter.deleteTree(scratch);
            Path article = copySample(site, scratch, sample);
            BuildOptions options = new BuildOptions(scratch, BuildOptions.defaultOutput(scratch), null, false);
            succeeded += SiteBuild.run(options).ok() ? 1 : 0;
            if (article == null) {
                return succeeded;
            }
            String text = Files.readString(article);
            Path added = article.resolveSibling("gazette-warm-up-added.md");
            for (int round = 1; round <= rounds && !stopped.getAsBoolean(); round++) {
                Files.writeString(article, text + "\n\nWarm-up edit " + round + ".\n");
                if (round % 3 == 1) {
                    Files.writeString(added, text);
                } else {
                    Files.deleteIfExists(added);
                }
                succeeded += SiteBuild.run(options).ok() ? 1 : 0;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // Only speed depends on the warm-up: the builds it serves start from the real site.
        } finally {
            SiteWriter.deleteTree(scratch);
        }
        return succeeded;
    }

    /** Copies config, templates and every n-th article; returns one of the articles copied, or null. */
    private static Path copySample(Path site, Path scratch, int sample) throws IOException {
        Files.createDirectories(scratch);
        Path config = site.resolve(ConfigLoader.FILE_NAME);
        if (Files.isRegularFile(config)) {
            Files.copy(config, scratch.resolve(ConfigLoader.FILE_NAME));
        }
        copyTree(site.resolve(Theme.TEMPLATES_DIR), scratch.resolve(Theme.TEMPLATES_DIR));
        Path content = site.resolve(ContentLoader.CONTENT_DIR);
        if (!Files.isDirectory(content)) {
            return null;
        }
        List<Path> articles;
        try (Stream<Path> walk = Files.walk(content)) {
            articles = walk.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        int step = Math.max(1, (articles.size() + sample - 1) / sample);
        Path last = null;
        for (int i = 0; i < articles.size(); i += step) {
            Path target = scratch.resolve(site.relativize(articles.get(i)).toString());
            Files.createDirectories(target.getParent());
            Files.copy(articles.get(i), target, StandardCopyOption.REPLACE_EXISTING);
            last = target;
        }
        return last;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
