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
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timezone,
        int pageSize,
        String permalink,
        List<CategoryName> categories) {

    public static final String DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";

    /** A declared category: its slug and the name shown to readers. */
    public record CategoryName(String slug, String name) {
        public CategoryName {
            Objects.requireNonNull(slug);
            Objects.requireNonNull(name);
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
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Gazette", "", "http://localhost:4000/", "en", ZoneId.of("UTC"), 20,
                DEFAULT_PERMALINK, List.of());
    }

    /** The path part of {@link #baseUrl}: "/" or a sub-path such as "/news/". */
    public String basePath() {
        return URI.create(baseUrl).getRawPath();
    }

    public SiteConfig withBaseUrl(String newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, language, timezone, pageSize, permalink, categories);
    }
}
