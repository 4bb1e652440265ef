package dev.gazette.render;

import dev.gazette.cache.CacheFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The fingerprint of every page the last build wrote, kept between {@code gazette build} runs: a
 * page whose fingerprint is unchanged is not rendered again, its previous output file is reused.
 * The key covers Gazette's version, the config, every template and asset, and the output folder.
 */
public final class RenderCache {

    private static final String FORMAT = "gazette-render-cache-6";

    private final String key;
    /** Output path to fingerprint (for a page, led by what its templates read: see {@link PageFingerprints}). */
    final Map<String, String> pages;
    /** The hash of every article's index keys ({@link dev.gazette.index.IndexKeys#hash}); empty if unknown. */
    final String structure;
    /** Source path to the first 64 bits of the article's fingerprint, for every article of the build. */
    final Map<String, Long> articles;

    RenderCache(String key, Map<String, String> pages, String structure, Map<String, Long> articles) {
        this.key = key;
        this.pages = new HashMap<>(pages);
        this.structure = structure;
        this.articles = new HashMap<>(articles);
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
            String structure = in.readUTF();
            int articleCount = in.readInt();
            Map<String, Long> articles = new HashMap<>(articleCount * 2);
            for (int i = 0; i < articleCount; i++) {
                articles.put(in.readUTF(), in.readLong());
            }
            return new RenderCache(key, pages, structure, articles);
        });
    }

    /** Writes the cache through a temporary file, so a crash never leaves a torn one. */
    public void save(Path file) {
        CacheFiles.write(file, FORMAT, out -> {
            out.writeUTF(key);
            out.writeInt(pages.size());
            // In map order: sorting tens of thousands of paths was a third of a rebuild's save.
            for (Map.Entry<String, String> page : pages.entrySet()) {
                out.writeUTF(page.getKey());
                out.writeUTF(page.getValue());
            }
            out.writeUTF(structure);
            out.writeInt(articles.size());
            for (Map.Entry<String, Long> article : articles.entrySet()) {
                out.writeUTF(article.getKey());
                out.writeLong(article.getValue());
            }
        });
    }
}
