package dev.gazette.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The site settings from {@code gazette.yaml}, with defaults for every key.
 *
 * @param baseUrl absolute URL of the site root, always ending in "/"; its path is the sub-path
 *     the site is published under (e.g. {@code https://example.org/news/})
 * @param timezone zone for dates written without an offset and for every displayed date
 * @param permalink article URL pattern with {@code :year :month :day :slug :category}
 * @param categories categories declared in the config, in navigation order; empty means any
 *     category is allowed and they are ordered by name
 * @param feedSize number of newest articles in each feed
 * @param feedFullContent whether feeds carry each article's full HTML (else the summary only)
 * @param buildTime the moment the build is taken to happen (for the news sitemap's 48 hours),
 *     or null for the real clock; fixing it makes rebuilds byte-identical
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timezone,
        int pageSize,
        String permalink,
        List<CategoryName> categories,
        int feedSize,
        boolean feedFullContent,
        java.time.Instant buildTime) {

    public static final String DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";

    /** A declared category: its slug and the name shown to readers. */
    public record CategoryName(String slug, String name) {
        public CategoryName {
            Objects.requireNonNull(slug);
            Objects.requireNonNull(name);
        }

        /** As a record prints itself (see {@link SiteConfig#toString}). */
        @Override
        public String toString() {
            return "CategoryName[slug=" + slug + ", name=" + name + "]";
        }
    }

    public SiteConfig {
        Objects.requireNonNull(title);
        Objects.requireNonNull(description);
        Objects.requireNonNull(language);
        Objects.requireNonNull(timezone);
        Objects.requireNonNull(permalink);
        if (!baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("baseUrl must end with /: " + baseUrl);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        categories = List.copyOf(categories);
        if (feedSize < 1) {
            throw new IllegalArgumentException("feedSize must be positive: " + feedSize);
        }
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Gazette", "", "http://localhost:4000/", "en", ZoneId.of("UTC"), 20,
                DEFAULT_PERMALINK, List.of(), 30, true, null);
    }

    /** The path part of {@link #baseUrl}: "/" or a sub-path such as "/news/". */
    public String basePath() {
        return URI.create(baseUrl).getRawPath();
    }

    public SiteConfig withBaseUrl(String newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, language, timezone, pageSize, permalink, categories,
                feedSize, feedFullContent, buildTime);
    }

    public SiteConfig withBuildTime(java.time.Instant newBuildTime) {
        return new SiteConfig(title, description, baseUrl, language, timezone, pageSize, permalink, categories,
                feedSize, feedFullContent, newBuildTime);
    }

    /**
     * As a record prints itself, written out: the caches' keys hold it. A record's own toString is
     * made at its first call from method handles and String.format, 30 ms of a fresh JVM's main
     * thread while it loads the site.
     */
    @Override
    public String toString() {
        return "SiteConfig[title=" + title + ", description=" + description + ", baseUrl=" + baseUrl + ", language="
                + language + ", timezone=" + timezone + ", pageSize=" + pageSize + ", permalink=" + permalink
                + ", categories=" + categories + ", feedSize=" + feedSize + ", feedFullContent=" + feedFullContent
                + ", buildTime=" + buildTime + "]";
    }
}
