package dev.gazette.load;

import dev.gazette.cache.CacheFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash of each article file at its last size and modification time, kept between builds, so
 * that a rebuild reads only the files that changed. A file changed within two seconds of being
 * recorded is left out: a second edit in the same clock tick could keep both size and time (the
 * rule git applies to its index).
 */
public final class KnownSources {

    private static final String FORMAT = "gazette-sources-2";
    static final Duration RACY = Duration.ofSeconds(2);

    record Known(FileStamp stamp, String hash) {
    }

    private final Map<String, Known> byPath;

    private KnownSources(Map<String, Known> byPath) {
        this.byPath = byPath;
    }

    public static KnownSources none() {
        return new KnownSources(Map.of());
    }

    /** The hash of {@code path} if it still has {@code stamp}, else null. */
    String hash(String path, FileStamp stamp) {
        Known known = byPath.get(path);
        return known != null && known.stamp().equals(stamp) ? known.hash() : null;
    }

    /** Reads what {@link #save} wrote; none when there is nothing usable. */
    public static KnownSources load(Path file) {
        KnownSources known = CacheFiles.read(file, FORMAT, in -> {
            int count = in.readInt();
            Map<String, Known> byPath = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                byPath.put(in.readUTF(), new Known(new FileStamp(in.readLong(), in.readLong()), in.readUTF()));
            }
            return new KnownSources(byPath);
        });
        return known != null ? known : none();
    }

    /**
     * Records the articles of {@code content} that were listed at {@code listed}, leaving out those
     * modified too shortly before to be trusted later. The hash of a file read only while it was
     * parsed comes from {@code hashOf} (null for one that could not be parsed: it is read again).
     */
    public static void save(Path file, LoadedContent content, java.util.function.UnaryOperator<String> hashOf,
            Instant listed) {
        long racySince = listed.minus(RACY).getEpochSecond() * 1_000_000_000L + listed.minus(RACY).getNano();
        List<Map.Entry<SourceFile, String>> trusted = new ArrayList<>();
        for (SourceFile source : content.articles()) {
            String hash = source.hash() != null ? source.hash() : hashOf.apply(source.path());
            if (hash != null && source.stamp().modifiedNanos() < racySince) {
                trusted.add(Map.entry(source, hash));
            }
        }
        CacheFiles.write(file, FORMAT, out -> {
            out.writeInt(trusted.size());
            for (Map.Entry<SourceFile, String> e : trusted) {
                out.writeUTF(e.getKey().path());
                out.writeLong(e.getKey().stamp().size());
                out.writeLong(e.getKey().stamp().modifiedNanos());
                out.writeUTF(e.getValue());
            }
        });
    }
}
