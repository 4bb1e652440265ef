package dev.gazette.render;

import dev.gazette.cache.Hashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's assets under content-hashed names ({@code style.3f9a1c2b7d.css}), so a CDN can cache
 * them forever: a changed file gets a new name. Each asset is also written under its plain name,
 * for references from inside CSS ({@code url(font.woff2)}) and for old links.
 */
final class Assets {

    private final Map<String, String> fingerprinted = new TreeMap<>();
    private final List<OutputFile> files = new ArrayList<>();

    /** @param assets the theme's assets by name under {@code assets/} */
    Assets(Map<String, OutputFile> assets, java.util.function.Function<OutputFile, byte[]> bytesOf) {
        for (Map.Entry<String, OutputFile> entry : assets.entrySet()) {
            String name = entry.getKey();
            OutputFile file = entry.getValue();
            byte[] bytes = bytesOf.apply(file);
            String hashed = hashedName(name, bytes);
            fingerprinted.put(name, hashed);
            files.add(file);
            files.add(OutputFile.rendered("assets/" + hashed, bytes, file.origin(), 0));
        }
    }

    /** The fingerprinted name of an asset, or null when the theme has no such asset. */
    String nameOf(String asset) {
        return fingerprinted.get(asset);
    }

    List<OutputFile> files() {
        return files;
    }

    static String hashedName(String name, byte[] bytes) {
        String hash = Hashes.sha256(bytes).substring(0, 10);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "." + hash;
        }
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }


}
