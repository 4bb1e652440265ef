package dev.gazette.build;

import dev.gazette.config.ConfigLoader;
import dev.gazette.load.ContentLoader;
import dev.gazette.render.Theme;
import dev.gazette.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
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

    /** The build daemon's scratch folder, under the site's git-ignored cache folder. */
    public static final String DIR = BuildSession.STATE_DIR + "/warm-up";
    /** The preview's: a daemon and a preview of one site may warm up at the same time. */
    public static final String PREVIEW_DIR = BuildSession.STATE_DIR + "/preview-warm-up";

    private WarmUp() {
    }

    /** The builds of the copy: one first, then one after each round of changes (files written or deleted). */
    private interface Builds extends AutoCloseable {
        boolean first();

        boolean after(Set<Path> changed);

        @Override
        void close();
    }

    /**
     * Warms up what {@code gazette build} runs: each build of the copy is a build of its own, from
     * the caches on disk, as the daemon runs them.
     *
     * @param sample how many articles to copy at most, spread over the whole archive
     * @param rounds how many edit builds to run after the cold one
     * @param stopped checked between builds: true ends the warm-up
     * @return how many of its builds succeeded
     */
    public static int run(Path site, int sample, int rounds, BooleanSupplier stopped) {
        return run(site, sample, rounds, stopped, new KeptBuilds());
    }

    /**
     * {@link #run(Path, int, int, BooleanSupplier)} through {@code kept}, as the daemon builds:
     * the cold build and the first edit make sessions as a build in its own process does, the
     * edits after them run in the kept one.
     */
    static int run(Path site, int sample, int rounds, BooleanSupplier stopped, KeptBuilds kept) {
        return run(site, DIR, sample, rounds, stopped, options -> new Builds() {
            @Override
            public boolean first() {
                return kept.run(options, () -> { }).ok();
            }

            @Override
            public boolean after(Set<Path> changed) {
                return kept.run(options, () -> { }).ok();
            }

            @Override
            public void close() {
                kept.close();
            }
        });
    }

    /**
     * Warms up what {@code gazette serve} runs on each save: one session, as the preview keeps,
     * told which files changed.
     */
    public static int runPreview(Path site, int sample, int rounds, BooleanSupplier stopped) {
        return run(site, PREVIEW_DIR, sample, rounds, stopped, options -> new Builds() {
            private final BuildSession session = new BuildSession(options, false);

            @Override
            public boolean first() {
                return session.rebuildAll().files() != null;
            }

            @Override
            public boolean after(Set<Path> changed) {
                return session.rebuild(changed).files() != null;
            }

            @Override
            public void close() {
                session.close();
            }
        });
    }

    private static int run(Path site, String dir, int sample, int rounds, BooleanSupplier stopped,
            Function<BuildOptions, Builds> builder) {
        Path scratch = site.resolve(dir);
        int succeeded = 0;
        try {
            SiteWriter.deleteTree(scratch);
            Path article = copySample(site, scratch, sample);
            try (Builds builds = builder.apply(
                    new BuildOptions(scratch, BuildOptions.defaultOutput(scratch), null, false))) {
                succeeded += builds.first() ? 1 : 0;
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
                    succeeded += builds.after(Set.of(article, added)) ? 1 : 0;
                }
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // Only speed depends on the warm-up: the builds it serves start from the real site,
            // and report what failed here (a template that fills the heap, say) themselves.
        } finally {
            SiteWriter.deleteTree(scratch);
        }
        return succeeded;
    }

    /**
     * Copies config, templates and every n-th article; returns one of the articles copied, or
     * null. Config and templates keep their times, so that the copy's builds trust them as the
     * site's builds do (a file changed within two seconds is not), and use a kept session.
     */
    private static Path copySample(Path site, Path scratch, int sample) throws IOException {
        Files.createDirectories(scratch);
        Path config = site.resolve(ConfigLoader.FILE_NAME);
        if (Files.isRegularFile(config)) {
            Files.copy(config, scratch.resolve(ConfigLoader.FILE_NAME), StandardCopyOption.COPY_ATTRIBUTES);
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
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // Folders last, deepest first: a file copied into one sets its time.
        for (int i = all.size() - 1; i >= 0; i--) {
            if (Files.isDirectory(all.get(i))) {
                Files.setLastModifiedTime(to.resolve(from.relativize(all.get(i)).toString()),
                        Files.getLastModifiedTime(all.get(i)));
            }
        }
    }
}
