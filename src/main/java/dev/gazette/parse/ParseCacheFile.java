package dev.gazette.parse;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parse cache's file format: a flat stream of length-prefixed UTF-8 strings and numbers.
 * Java serialization of the same entries took seconds to read on a large archive (reflection
 * per field, per record); this reads at about the speed of the disk. Values that repeat across
 * articles (categories, tags, authors, zones; a path and URL written twice per entry) are written
 * once and referred to by number after that: decoding strings was most of the reading.
 */
final class ParseCacheFile {

    /** Changes whenever the layout below changes; a file of another format is ignored. */
    private static final String FORMAT = "gazette-parse-cache-7";

    private ParseCacheFile() {
    }

    /**
     * Writes the entries to {@code stream}; their bodies go to {@code bodies} (those already there
     * stay where they are), whose stamp the entries record.
     */
    static void write(ParseCache cache, String key, java.io.OutputStream stream, BodyStore bodies) throws IOException {
        Writer out = new Writer(new BufferedOutputStream(stream, 1 << 16));
        writeString(out, FORMAT);
        writeString(out, key);
        out.writeLong(bodies.stamp());
        // Sorted, so the same cache always gives the same bytes.
        Map<String, ParseCache.Entry> entries = new TreeMap<>(cache.entries);
        out.writeInt(entries.size());
        for (Map.Entry<String, ParseCache.Entry> e : entries.entrySet()) {
            ParseCache.Entry entry = e.getValue();
            out.shared(e.getKey());
            writeString(out, entry.textHash());
            out.shared(entry.url());
            out.writeBoolean(entry.draft());
            out.writeInt(entry.links().size());
            for (Map.Entry<String, String> link : entry.links().entrySet()) {
                writeString(out, link.getKey());
                writeString(out, link.getValue());
            }
            out.writeBoolean(entry.article() != null);
            if (entry.article() != null) {
                writeArticle(out, entry.article(), bodies);
            }
        }
        out.flush();
        bodies.flush();
    }

    /** Opens the body file the entries were written with, given its stamp; null when it is another one. */
    interface BodyStoreOpener {
        BodyStore open(long stamp) throws IOException;
    }

    /**
     * The entries of a cache written with {@code key}, their bodies left in {@code bodies} until
     * needed; null when the file has another format or key, or the body file is not its pair.
     */
    static Map<String, ParseCache.Entry> read(byte[] file, String key, BodyStoreOpener bodies) throws IOException {
        Reader in = new Reader(ByteBuffer.wrap(file));
        if (!FORMAT.equals(in.string()) || !key.equals(in.string())) {
            return null;
        }
        in.store = bodies.open(in.data.getLong());
        if (in.store == null) {
            return null;
        }
        int count = in.data.getInt();
        Map<String, ParseCache.Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String path = in.shared();
            String textHash = in.string();
            String url = in.shared();
            boolean draft = in.bool();
            int links = in.data.getInt();
            Map<String, String> linkMap = new TreeMap<>();
            for (int j = 0; j < links; j++) {
                linkMap.put(in.string(), in.string());
            }
            Article article = in.bool() ? in.article() : null;
            entries.put(path, new ParseCache.Entry(textHash, url, draft, article, linkMap));
        }
        return entries;
    }

    private static void writeArticle(Writer out, Article a, BodyStore bodies) throws IOException {
        out.shared(a.source());
        out.writeInt(a.urlLine());
        out.shared(a.url());
        writeString(out, a.title());
        writeString(out, a.slug());
        writeDate(out, a.date());
        writeDate(out, a.updated());
        out.shared(a.category());
        out.shared(a.categorySlug());
        writeShared(out, a.tags());
        writeShared(out, a.authors());
        writeString(out, a.summary());
        out.writeBoolean(a.draft());
        out.writeBoolean(a.noindex());
        writeString(out, a.image());
        out.shared(a.imageAlt());
        out.shared(a.lang());
        writeValue(out, a.params());
        Body body = a.body();
        if (body.isIn(bodies)) {
            out.writeLong(body.offset());
            out.writeInt(body.length());
        } else {
            byte[] bytes = body.utf8();
            out.writeLong(bodies.append(bytes));
            out.writeInt(bytes.length);
        }
        writeString(out, a.fingerprint());
    }

    /** A time exactly as it was: local date-time, offset and zone (region or fixed offset). */
    private static void writeDate(Writer out, ZonedDateTime date) throws IOException {
        out.writeBoolean(date != null);
        if (date != null) {
            out.writeLong(date.toLocalDate().toEpochDay());
            out.writeLong(date.toLocalTime().toNanoOfDay());
            out.writeInt(date.getOffset().getTotalSeconds());
            out.shared(date.getZone().getId());
        }
    }

    private static void writeShared(Writer out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            out.shared(s);
        }
    }

    /**
     * The output stream, with the table of shared strings: the first time a shared value is written
     * it is written in full (and gets the next number), after that as {@code -2 - number}.
     */
    private static final class Writer extends DataOutputStream {
        private final Map<String, Integer> numbers = new HashMap<>();

        Writer(java.io.OutputStream out) {
            super(out);
        }

        void shared(String s) throws IOException {
            Integer number = s == null ? null : numbers.get(s);
            if (number != null) {
                writeInt(-2 - number);
                return;
            }
            writeString(this, s);
            if (s != null) {
                numbers.put(s, numbers.size());
            }
        }
    }

    /** Front-matter values Gazette does not know: null, strings, lists and maps of them. */
    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte('n');
        } else if (value instanceof String s) {
            out.writeByte('s');
            writeString(out, s);
        } else if (value instanceof List<?> list) {
            out.writeByte('l');
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('m');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeString(out, (String) e.getKey());
                writeValue(out, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot cache a front-matter value of " + value.getClass());
        }
    }

    /** Strings of any length (writeUTF stops at 64 KB), null as length -1. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads the whole file from memory; bodies stay undecoded slices of it (see {@link Body}). */
    private static final class Reader {
        private final ByteBuffer data;
        private BodyStore store;
        /** Zone lookups are not free, and an archive has one or two zones. */
        private final Map<String, ZoneId> zones = new HashMap<>();
        /** The shared strings read so far, by number (see {@link Writer}). */
        private final List<String> shared = new ArrayList<>();

        Reader(ByteBuffer data) {
            this.data = data;
        }

        String string() {
            int length = data.getInt();
            if (length < 0) {
                return null;
            }
            String s = new String(data.array(), data.position(), length, StandardCharsets.UTF_8);
            data.position(data.position() + length);
            return s;
        }

        /** A string written with {@link Writer#shared}. */
        String shared() {
            int length = data.getInt();
            if (length < -1) {
                return shared.get(-2 - length);
            }
            data.position(data.position() - Integer.BYTES);
            String s = string();
            if (s != null) {
                shared.add(s);
            }
            return s;
        }

        boolean bool() {
            return data.get() != 0;
        }

        Article article() throws IOException {
            String source = shared();
            int urlLine = data.getInt();
            String url = shared();
            String title = string();
            String slug = string();
            ZonedDateTime date = date();
            ZonedDateTime updated = date();
            String category = shared();
            String categorySlug = shared();
            List<String> tags = sharedList();
            List<String> authors = sharedList();
            String summary = string();
            boolean draft = bool();
            boolean noindex = bool();
            String image = string();
            String imageAlt = shared();
            String lang = shared();
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) value();
            long bodyOffset = data.getLong();
            Body body = Body.stored(store, bodyOffset, data.getInt());
            String fingerprint = string();
            return new Article(source, urlLine, url, title, slug, date, updated, category, categorySlug, tags, authors,
                    summary, draft, noindex, image, imageAlt, lang, params, body, fingerprint);
        }

        private ZonedDateTime date() {
            if (!bool()) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(LocalDate.ofEpochDay(data.getLong()),
                    LocalTime.ofNanoOfDay(data.getLong()));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(data.getInt());
            ZoneId zone = zones.computeIfAbsent(shared(), ZoneId::of);
            return ZonedDateTime.ofStrict(local, offset, zone);
        }

        private List<String> sharedList() {
            int n = data.getInt();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(shared());
            }
            return out;
        }

        private Object value() throws IOException {
            int kind = data.get();
            switch (kind) {
                case 'n':
                    return null;
                case 's':
                    return string();
                case 'l': {
                    int n = data.getInt();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(value());
                    }
                    return Collections.unmodifiableList(list);
                }
                case 'm': {
                    int n = data.getInt();
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String k = string();
                        map.put(k, value());
                    }
                    return Collections.unmodifiableMap(map);
                }
                default:
                    throw new IOException("unknown value kind " + kind);
            }
        }
    }
}
