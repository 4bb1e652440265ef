package dev.gazette.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Gazette's own version, from a resource Maven fills in at build time. */
public final class Version {

    private static final Properties PROPERTIES = load();
    private static final String VERSION = PROPERTIES.getProperty("version", "dev");
    private static final String BUILD = VERSION + "+" + PROPERTIES.getProperty("build", "dev");

    private Version() {
    }

    /** The version, as {@code --version} and the sites' footers print it. */
    public static String get() {
        return VERSION;
    }

    /**
     * The version and when this Gazette was compiled. The caches between builds are keyed by it:
     * Gazette compiled again from changed sources (a {@code git pull} under the launcher) keeps
     * its version number, and must not take the last build's parses and pages for its own. Never
     * printed into a site, whose bytes must not depend on when Gazette was compiled.
     */
    public static String build() {
        return BUILD;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/gazette/version.properties")) {
            if (in != null) {
                p.load(in);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
