package dev.gazette.config;

import dev.gazette.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code gazette.yaml}; every problem becomes a diagnostic and the default is kept. */
public final class ConfigLoader {

    public static final String FILE_NAME = "gazette.yaml";

    private static final List<String> KEYS = List.of("title", "description", "baseUrl", "language",
            "timezone", "pageSize", "permalink", "categories", "feedSize", "feedContent", "buildTime");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern PERMALINK_TOKEN = Pattern.compile(":([a-z]+)");
    private static final Set<String> PERMALINK_TOKENS = Set.of("year", "month", "day", "slug", "category");

    private ConfigLoader() {
    }

    /**
     * Loads the config of the site at {@code siteRoot}; a missing file means all defaults.
     *
     * @param baseUrlOverride the {@code --base-url} option, or null
     */
    public static SiteConfig load(Path siteRoot, String baseUrlOverride, Diagnostics diagnostics) {
        Path file = siteRoot.resolve(FILE_NAME);
        SiteConfig config = SiteConfig.defaults();
        if (Files.isRegularFile(file)) {
            config = parse(readFile(file), diagnostics);
        }
        if (baseUrlOverride != null) {
            String normalized = normalizeBaseUrl(baseUrlOverride);
            if (normalized == null) {
                diagnostics.add("--base-url", 0, "\"" + baseUrlOverride + "\" is not an absolute http(s) URL",
                        "give one like https://example.org/ or https://example.org/news/");
            } else {
                config = config.withBaseUrl(normalized);
            }
        }
        return config;
    }

    /** Parses config text; public so that tests and {@code init} can check a config in memory. */
    public static SiteConfig parse(String text, Diagnostics diagnostics) {
        SiteConfig d = SiteConfig.defaults();
        YamlReader.Result result = YamlReader.read(text);
        if (!result.ok()) {
            diagnostics.add(FILE_NAME, result.errorLine(), result.error(), "fix the YAML syntax");
            return d;
        }
        if (!(result.document() instanceof YamlNode.Mapping root)) {
            diagnostics.add(FILE_NAME, result.document().line(), "the config must be a mapping of keys to values",
                    "write it as key: value lines");
            return d;
        }
        Fields f = new Fields(root, diagnostics);
        for (String key : root.entries().keySet()) {
            if (!KEYS.contains(key)) {
                diagnostics.add(FILE_NAME, root.keyLine(key), "unknown key \"" + key + "\"",
                        "use one of " + String.join(", ", KEYS));
            }
        }
        String title = f.text("title", d.title());
        String description = f.text("description", d.description());
        String baseUrl = d.baseUrl();
        String rawBase = f.text("baseUrl", null);
        if (rawBase != null) {
            String normalized = normalizeBaseUrl(rawBase);
            if (normalized == null) {
                f.error("baseUrl", "\"" + rawBase + "\" is not an absolute http(s) URL",
                        "give one like https://example.org/ or https://example.org/news/");
            } else {
                baseUrl = normalized;
            }
        }
        String language = d.language();
        String rawLanguage = f.text("language", null);
        if (rawLanguage != null) {
            if (LANGUAGE.matcher(rawLanguage).matches()) {
                language = rawLanguage;
            } else {
                f.error("language", "\"" + rawLanguage + "\" is not a language tag", "use a BCP 47 tag such as en, ru or uz-Latn");
            }
        }
        ZoneId zone = d.timezone();
        String rawZone = f.text("timezone", null);
        if (rawZone != null) {
            try {
                zone = ZoneId.of(rawZone);
            } catch (DateTimeException e) {
                f.error("timezone", "unknown time zone \"" + rawZone + "\"", "use an IANA id such as Asia/Tashkent or UTC");
            }
        }
        int pageSize = d.pageSize();
        String rawPageSize = f.text("pageSize", null);
        if (rawPageSize != null) {
            try {
                pageSize = Integer.parseInt(rawPageSize);
                if (pageSize < 1 || pageSize > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                pageSize = d.pageSize();
                f.error("pageSize", "pageSize \"" + rawPageSize + "\" is not a whole number from 1 to 1000", "for example pageSize: 20");
            }
        }
        String permalink = d.permalink();
        String rawPermalink = f.text("permalink", null);
        if (rawPermalink != null) {
            String problem = permalinkProblem(rawPermalink);
            if (problem == null) {
                permalink = rawPermalink;
            } else {
                f.error("permalink", problem, "for example /:year/:month/:day/:slug/ or /:category/:slug/");
            }
        }
        List<SiteConfig.CategoryName> categories = categories(root, diagnostics);
        int feedSize = d.feedSize();
        String rawFeedSize = f.text("feedSize", null);
        if (rawFeedSize != null) {
            try {
                feedSize = Integer.parseInt(rawFeedSize);
                if (feedSize < 1 || feedSize > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                feedSize = d.feedSize();
                f.error("feedSize", "feedSize \"" + rawFeedSize + "\" is not a whole number from 1 to 1000", "for example feedSize: 30");
            }
        }
        boolean feedFull = d.feedFullContent();
        String rawFeedContent = f.text("feedContent", null);
        if (rawFeedContent != null) {
            if (rawFeedContent.equals("full") || rawFeedContent.equals("summary")) {
                feedFull = rawFeedContent.equals("full");
            } else {
                f.error("feedContent", "feedContent must be full or summary, not \"" + rawFeedContent + "\"", null);
            }
        }
        java.time.Instant buildTime = null;
        String rawBuildTime = f.text("buildTime", null);
        if (rawBuildTime != null) {
            buildTime = parseInstant(rawBuildTime);
            if (buildTime == null) {
                f.error("buildTime", "buildTime \"" + rawBuildTime + "\" is not a time with an offset",
                        "for example buildTime: 2022-12-23T12:00:00+05:00");
            }
        }
        return new SiteConfig(title, description, baseUrl, language, zone, pageSize, permalink, categories,
                feedSize, feedFull, buildTime);
    }

    /** Parses an RFC 3339 time with offset ({@code 2022-12-23T12:00:00+05:00}); null if it is not one. */
    public static java.time.Instant parseInstant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Accepts {@code categories:} as a list of names or as a mapping of slug to display name. */
    private static List<SiteConfig.CategoryName> categories(YamlNode.Mapping root, Diagnostics diagnostics) {
        YamlNode node = root.entries().get("categories");
        List<SiteConfig.CategoryName> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        String hint = "list names (- Politics) or map slugs to names (politics: Politics)";
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                    addCategory(out, seen, dev.gazette.slug.Slugs.slugify(s.text()), s.text().strip(), s.line(), diagnostics);
                } else {
                    diagnostics.add(FILE_NAME, item.line(), "a category must be a name", hint);
                }
            }
        } else if (node instanceof YamlNode.Mapping map) {
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                if (e.getValue() instanceof YamlNode.Scalar s && s.text() != null && !s.text().isBlank()) {
                    addCategory(out, seen, dev.gazette.slug.Slugs.slugify(e.getKey()), s.text().strip(), map.keyLine(e.getKey()), diagnostics);
                } else {
                    diagnostics.add(FILE_NAME, map.keyLine(e.getKey()), "category \"" + e.getKey() + "\" needs a display name", hint);
                }
            }
        } else {
            diagnostics.add(FILE_NAME, node.line(), "categories must be a list or a mapping", hint);
        }
        return out;
    }

    private static void addCategory(List<SiteConfig.CategoryName> out, Set<String> seen, String slug, String name,
            int line, Diagnostics diagnostics) {
        if (slug.isEmpty()) {
            diagnostics.add(FILE_NAME, line, "category \"" + name + "\" has no letters or digits for a URL", "rename it");
        } else if (!seen.add(slug)) {
            diagnostics.add(FILE_NAME, line, "category \"" + name + "\" is listed twice", "remove the second entry");
        } else {
            out.add(new SiteConfig.CategoryName(slug, name));
        }
    }

    static String permalinkProblem(String pattern) {
        if (!pattern.startsWith("/") || !pattern.endsWith("/")) {
            return "permalink \"" + pattern + "\" must start and end with /";
        }
        if (pattern.contains("..") || pattern.contains("//") || pattern.contains("\\")) {
            return "permalink \"" + pattern + "\" may not contain .., // or \\";
        }
        var m = PERMALINK_TOKEN.matcher(pattern);
        boolean hasSlug = false;
        while (m.find()) {
            if (!PERMALINK_TOKENS.contains(m.group(1))) {
                return "unknown permalink token \":" + m.group(1) + "\"";
            }
            hasSlug |= m.group(1).equals("slug");
        }
        if (!hasSlug) {
            return "permalink \"" + pattern + "\" has no :slug, so articles would share one URL";
        }
        return null;
    }

    /** Returns the URL with a trailing slash, or null when it is not an absolute http(s) URL. */
    public static String normalizeBaseUrl(String raw) {
        try {
            URI uri = new URI(raw.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            String s = uri.toString();
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                s = s + "/";
            }
            return s.endsWith("/") ? s : s + "/";
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Scalar access with "must be text" errors naming the value's line. */
    private record Fields(YamlNode.Mapping root, Diagnostics diagnostics) {
        String text(String key, String fallback) {
            YamlNode node = root.entries().get(key);
            if (node == null) {
                return fallback;
            }
            if (node instanceof YamlNode.Scalar s && s.text() != null) {
                return s.text();
            }
            error(key, key + " must be a single value", null);
            return fallback;
        }

        void error(String key, String message, String hint) {
            YamlNode node = root.entries().get(key);
            diagnostics.add(FILE_NAME, node == null ? root.keyLine(key) : node.line(), message, hint);
        }
    }
}
