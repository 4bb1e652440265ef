package dev.gazette.render;

import dev.gazette.cache.CacheFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of every page the last build wrote, kept between {@code gazette build} runs: a
 * page whose fingerprint is unchanged is not rendered again, its previous output file is reused.
 * The key covers Gazette's version, the config, every template and asset, and the output folder.
 */
public final class RenderCache {

    private static final String FORMAT = "gazette-render-cache-2";

    private final String key;
    /** Output path to fingerprint. */
    final Map<String, String> pages;

    RenderCache(String key, Map<String, String> pages) {
        this.key = key;
        this.pages = new HashMap<>(pages);
    }

    String key() {
        return key;
    }

    /** Reads a cache written by {@link #save}; null when there is none or it cannot be read. */
    public static RenderCache load(Path file) {
        return CacheFiles.read(file, FORMAT, in -> {
            String key = in.readUTF();
            int count = in.readInt();
            Map<String, String> pages = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                pages.put(in.readUTF(), in.readUTF());
            }
            return new RenderCache(key, pages);
        });
    }

    /** Writes the cache through a temporary file, so a crash never leaves a torn one. */
    public void save(Path file) {
        CacheFiles.write(file, FORMAT, out -> {
            out.writeUTF(key);
            out.writeInt(pages.size());
            for (Map.Entry<String, String> page : new TreeMap<>(pages).entrySet()) {
                out.writeUTF(page.getKey());
                out.writeUTF(page.getValue());
            }
        });
    }
}
