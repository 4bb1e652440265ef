package dev.gazette.build;

import dev.gazette.load.ContentLoader;
import dev.gazette.load.FileStamp;
import dev.gazette.load.TreeStamp;
import dev.gazette.parse.ParseCache;
import dev.gazette.render.Version;
import dev.gazette.write.OutputState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The builds of a build daemon, which keeps the session of its site's last build between
 * {@code gazette build} runs. A run after an edit then walks {@code content/} and reads, parses
 * and indexes only what changed, as the preview does; a new session would load the caches of
 * {@code .gazette/cache} and index every article again (0.3 s of a 0.55 s rebuild of 10,000
 * articles). The session is used only while the options, the config and the templates are as it
 * read them, and no other build wrote the output folder since its last successful build: the
 * record of the folder it saved must still be the same file (any other build deletes it and
 * writes another), and so must the parse cache's body file, which the session's parses point
 * into. Files changed in the folder by hand are written again, as a one-off build does.
 * Otherwise the run is a one-off build ({@link SiteBuild}), whose session is kept from then on.
 * A session whose build rewrote the parse cache (a cold build, a change of over 64 articles) is
 * not kept: its parses point into the replaced body file, which would stay on disk, unnamed,
 * while the daemon runs (600 MB for 100,000 articles).
 */
public final class KeptBuilds {

    /**
     * The kept session, and what it was made from.
     *
     * @param settings {@link UpToDate.Settings#text} as the session read them (null: they were
     *     changing then, and are not trusted)
     * @param record the identity of the output record its last successful build saved, and of the
     *     parse cache's body file
     * @param last the result of its last successful build
     * @param lastFailed whether a build failed since, so running it again must report the problems again
     */
    private record Kept(BuildOptions options, BuildSession session, String settings, Identities record,
            BuildResult last, boolean lastFailed) {
    }

    /** Two files' identities (inode, size and time; null: no such file). */
    private record Identities(Object output, Object bodies) {
    }

    private Kept kept;
    /** How many runs the kept session served, and how many files the last of them found changed: for tests. */
    private int keptRuns;
    private int lastChanged;
    /** The options of the last run: those {@link #prepare} makes a session for. */
    private BuildOptions lastOptions;
    /** The most files of a site that {@link #prepare} makes a session for. */
    private final int prepareUpToFiles;

    /**
     * Making a session is one build of the site, which a client calling meanwhile waits for: about
     * a second on 10,000 articles (17,000 files), but 12 s on 100,000 (149,000 files), more than
     * the first edit's own build there (7.6 s). Up to this many files the wait is short.
     */
    private static final int PREPARE_UP_TO_FILES = 40_000;

    /** Builds that keep their session; {@link #prepare} does nothing before the first run. */
    public KeptBuilds() {
        this(null);
    }

    /** @param options those of the builds to expect until one is run (see {@link #prepare}) */
    public KeptBuilds(BuildOptions options) {
        this(options, PREPARE_UP_TO_FILES);
    }

    KeptBuilds(BuildOptions options, int prepareUpToFiles) {
        this.lastOptions = options;
        this.prepareUpToFiles = prepareUpToFiles;
    }

    /** Builds as {@link SiteBuild#run(BuildOptions, Runnable)} does, in the kept session where it can. */
    public synchronized BuildResult run(BuildOptions options, Runnable whileWaiting) {
        lastOptions = options;
        try (BuildLock lock = BuildLock.acquire(options.source(), whileWaiting)) {
            long start = System.nanoTime();
            // Taken before anything reads the config and templates, so a later edit shows in them.
            UpToDate.Settings settings = UpToDate.settings(options, Version.build());
            if (kept != null && sameOptions(kept.options(), options)) {
                BuildResult result;
                try {
                    result = inKeptSession(options, settings, start);
                } catch (RuntimeException | Error e) {
                    close(); // the next run starts afresh
                    throw e;
                }
                if (result != null) {
                    keptRuns++;
                    return result;
                }
            }
            // The kept session goes before a new one is made: on a large archive they would not
            // both fit in memory.
            close();
            SiteBuild.Run run = SiteBuild.runLocked(options, true);
            keep(options, settings, run);
            return run.result();
        }
    }

    /**
     * Makes the session that the next run would otherwise make, when there is none and the site
     * is exactly as the last build left it: the daemon runs this once it has warmed up, so that
     * the first edit after it started is built in a kept session too (on 10,000 articles, 0.45 s
     * instead of about 1 s). It is a build of the site as it is, which writes nothing but the
     * caches; a file saved while it runs is built as a build would build it. Not for a site of
     * more than 40,000 files (see {@link #PREPARE_UP_TO_FILES}).
     */
    public synchronized void prepare() {
        BuildOptions options = lastOptions;
        if (kept != null || options == null || !Files.isDirectory(options.source())) {
            return;
        }
        UpToDate.Manifest last = UpToDate.read(options.source().resolve(BuildSession.CACHE_DIR));
        if (last == null || last.files() > prepareUpToFiles) {
            return;
        }
        try (BuildLock lock = BuildLock.acquire(options.source(), () -> { })) {
            UpToDate.Settings settings = UpToDate.settings(options, Version.build());
            keep(options, settings, SiteBuild.runLocked(options, true, true));
        } catch (RuntimeException e) {
            close(); // it only saves time: the next run makes its session itself
        }
    }

    private void keep(BuildOptions options, UpToDate.Settings settings, SiteBuild.Run run) {
        if (run.session() != null && run.session().rewroteParseCache()) {
            run.session().close();
        } else if (run.session() != null) {
            kept = new Kept(options, run.session(), settings.racy() ? null : settings.text(), recordOf(options),
                    run.result(), false);
        }
    }

    synchronized int keptRuns() {
        return keptRuns;
    }

    synchronized int lastChanged() {
        return lastChanged;
    }

    /** Releases the kept session's files. */
    public synchronized void close() {
        if (kept != null) {
            kept.session().close();
            kept = null;
        }
    }

    /** The build in the kept session; null when that session cannot be used. */
    private BuildResult inKeptSession(BuildOptions options, UpToDate.Settings settings, long start) {
        if (kept.settings() == null || !kept.settings().equals(settings.text())
                || kept.record().output() == null || !kept.record().equals(recordOf(options))) {
            return null;
        }
        Path cacheDir = options.source().resolve(BuildSession.CACHE_DIR);
        BuildSession session = kept.session();
        Instant listedAt = Instant.now();
        TreeStamp stamp = new TreeStamp();
        // The session's own paths: the same folders named another way (relative, absolute) would
        // be other paths, and every file would count as deleted and added again.
        BuildOptions own = kept.options();
        Set<Path> changed = ContentLoader.changedSince(session.content(), session.listedAt(), own.source(), stamp);
        lastChanged = changed.size();
        // One after the other: side by side, each waited for the other's share of the common
        // pool, spinning, and together they took longer than in turn. The record's file need
        // not be read: it holds what the session saved there.
        OutputState output = session.lastState().checkedAgain(own.output());
        Duration check = Duration.ofNanos(System.nanoTime() - start);
        Instant validUntil = session.validUntil();
        if (changed.isEmpty() && output.complete() && !kept.lastFailed()
                && (validUntil == null || Instant.now().isBefore(validUntil))) {
            return SiteBuild.nothingChanged(kept.last().articles(), kept.last().write().total(), check);
        }
        UpToDate.forget(cacheDir);
        BuildResult result = session.rebuildKept(changed, output, listedAt, stamp).result();
        SiteBuild.recordSources(cacheDir, UpToDate.stamp(settings, stamp, listedAt), result, session.validUntil());
        if (session.rewroteParseCache()) {
            close();
        } else {
            kept = result.ok()
                    ? new Kept(kept.options(), session, kept.settings(), recordOf(options), result, false)
                    : new Kept(kept.options(), session, kept.settings(), recordOf(options), kept.last(), true);
        }
        return SiteBuild.afterCheck(result, check, start);
    }

    private static boolean sameOptions(BuildOptions a, BuildOptions b) {
        return BuildSession.absolute(a.source()).equals(BuildSession.absolute(b.source()))
                && BuildSession.absolute(a.output()).equals(BuildSession.absolute(b.output()))
                && Objects.equals(a.baseUrl(), b.baseUrl()) && a.drafts() == b.drafts() && Objects.equals(a.now(), b.now());
    }

    /**
     * The identities of the output record and of the parse cache's body file: every build that
     * changes the output folder deletes the record first and writes a new one after, and one that
     * saves the parse cache replaces the body file, so another build since shows as a new file.
     */
    private static Identities recordOf(BuildOptions options) {
        Path cache = options.source().resolve(BuildSession.CACHE_DIR);
        return new Identities(identity(cache.resolve(BuildSession.OUTPUT_STATE)),
                identity(ParseCache.bodiesOf(cache.resolve(BuildSession.PARSE_CACHE))));
    }

    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() == null ? null : List.of(attributes.fileKey(), FileStamp.of(attributes));
        } catch (IOException e) {
            return null;
        }
    }
}
