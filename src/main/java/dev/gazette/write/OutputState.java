package dev.gazette.write;

import dev.gazette.cache.CacheFiles;
import dev.gazette.load.FileStamp;
import dev.gazette.render.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of the output folder as the last build left them (path, size, modification time),
 * kept in the cache so the next build knows the folder without walking it: a news archive's
 * output is tens of thousands of folders, and listing them cost more than the rest of a rebuild.
 * Each recorded file is checked with one {@code stat}; a file someone changed or deleted is not
 * intact and gets written again.
 */
public final class OutputState {

    private static final String FORMAT = "gazette-output-1";

    private final Map<String, FileStamp> recorded;
    private final Set<String> intact;

    private OutputState(Map<String, FileStamp> recorded, Set<String> intact) {
        this.recorded = recorded;
        this.intact = intact;
    }

    /**
     * The recorded state checked against {@code outputDir}: which files are still exactly as
     * recorded. Null when nothing was recorded.
     */
    public static OutputState check(Path stateFile, Path outputDir) {
        Map<String, FileStamp> recorded = read(stateFile);
        return recorded == null ? null : new OutputState(recorded, Set.of()).checkedAgain(outputDir);
    }

    /**
     * This state checked against {@code outputDir} again, as {@link #check} would find it if the
     * state file still holds it: a build daemon keeps the state its last build saved.
     */
    public OutputState checkedAgain(Path outputDir) {
        Path output = outputDir.toAbsolutePath().normalize();
        Set<String> intact = ConcurrentHashMap.newKeySet(recorded.size());
        recorded.entrySet().parallelStream().forEach(e -> {
            FileStamp now = stamp(OutputPaths.resolveInside(output, e.getKey()));
            if (e.getValue().equals(now)) {
                intact.add(e.getKey());
            }
        });
        return new OutputState(recorded, intact);
    }

    /** Whether every recorded file is as it was. */
    public boolean complete() {
        return intact.size() == recorded.size();
    }

    public int size() {
        return recorded.size();
    }

    /** Whether the file at {@code path} is exactly what the last build wrote there. */
    public boolean isIntact(String path) {
        return intact.contains(path);
    }

    /** Every file the last build wrote, intact or not. */
    Set<String> recordedPaths() {
        return Collections.unmodifiableSet(recorded.keySet());
    }

    /**
     * The state after {@code files} were written to {@code outputDir}: the files {@code staged}
     * wrote (null: none) have the stamps it took as it wrote them, since moving the new site into
     * place keeps each file's size and time (looking at each file after the build had one core do
     * it while the other waited, a tenth of a second on 10,000 articles); files kept from the
     * previous output (reused as they were) keep their stamps; the others are looked at.
     */
    public static OutputState after(Path outputDir, List<OutputFile> files, OutputState before, WrittenFiles staged) {
        Path output = outputDir.toAbsolutePath().normalize();
        Map<String, FileStamp> now = new ConcurrentHashMap<>();
        files.parallelStream().forEach(file -> {
            Path target = OutputPaths.resolveInside(output, file.path());
            FileStamp written = staged == null ? null : staged.stampOf(file.path());
            FileStamp stamp = written != null ? written
                    : before != null && before.isIntact(file.path()) && target.equals(file.copyFrom())
                    ? before.recorded.get(file.path()) : stamp(target);
            if (stamp != null) {
                now.put(file.path(), stamp);
            }
        });
        return new OutputState(now, now.keySet());
    }

    /**
     * The state once {@code files} are in {@code outputDir} as the preview put them there: every
     * one is recorded (so that a build removes those it does not make), with the size and time
     * this state recorded for the files the preview has left as they were (those {@code files}
     * take from the very file they replace, and those whose size and time are still as recorded).
     * The next build reuses those pages while they keep that size and time.
     */
    public OutputState afterPreview(Path outputDir, List<OutputFile> files) {
        Path output = outputDir.toAbsolutePath().normalize();
        Map<String, FileStamp> now = new HashMap<>();
        Set<String> kept = new HashSet<>();
        for (OutputFile file : files) {
            Path target = OutputPaths.resolveInside(output, file.path());
            boolean leftAsItWas = isIntact(file.path()) && (file.bytes() == null && target.equals(file.copyFrom())
                    || recorded.get(file.path()).equals(stamp(target)));
            if (leftAsItWas) {
                now.put(file.path(), recorded.get(file.path()));
                kept.add(file.path());
            } else {
                now.put(file.path(), NOT_A_BUILDS);
            }
        }
        return new OutputState(now, kept);
    }

    /** The stamp of a file a build did not write: no file on disk has it. */
    private static final FileStamp NOT_A_BUILDS = new FileStamp(-1, -1);

    /** Writes the state; a state that cannot be written only costs time. */
    public void save(Path stateFile) {
        CacheFiles.write(stateFile, FORMAT, out -> {
            out.writeInt(recorded.size());
            // In map order: sorting tens of thousands of paths was a third of a rebuild's save.
            for (Map.Entry<String, FileStamp> e : recorded.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modifiedNanos());
            }
        });
    }

    /** Forgets the recorded state: done before a build changes the folder. */
    public static void forget(Path stateFile) {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            // A read-only cache: the state there is never trusted without a check anyway.
        }
    }

    private static Map<String, FileStamp> read(Path stateFile) {
        return CacheFiles.read(stateFile, FORMAT, in -> {
            int count = in.readInt();
            Map<String, FileStamp> recorded = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                recorded.put(in.readUTF(), new FileStamp(in.readLong(), in.readLong()));
            }
            return recorded;
        });
    }

    /** The stamp of a regular file (links are not followed), or null when there is none. */
    static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? FileStamp.of(attributes) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
