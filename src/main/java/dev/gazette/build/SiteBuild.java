package dev.gazette.build;

/**
 * One build: load -> parse -> index -> render -> write. Any problem stops it before write, so the
 * previous output stays exactly as it was.
 */
public final class SiteBuild {

    private SiteBuild() {
    }

    public static BuildResult run(BuildOptions options) {
        return new BuildSession(options).rebuildAll().result();
    }
}
