package dev.gazette.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

/** An install of the launcher for its tests: the script, with a jar and class-data archive newer than the sources. */
final class LauncherInstall {

    private LauncherInstall() {
    }

    /** Creates {@code install} with the repository's {@code gazette} script; the launcher then neither compiles nor records. */
    static Path create(Path install) throws IOException {
        Files.createDirectories(install.resolve("src/main"));
        Files.createDirectories(install.resolve("templates"));
        Files.createDirectories(install.resolve("target"));
        Files.copy(Path.of("gazette"), install.resolve("gazette"));
        Files.writeString(install.resolve("pom.xml"), "<project/>");
        Files.writeString(install.resolve("target/gazette.jar"), "jar");
        Files.writeString(install.resolve("target/gazette.jsa"), "archive");
        Instant now = Instant.now();
        for (String old : List.of("pom.xml", "src/main", "templates", "src", "gazette")) {
            Files.setLastModifiedTime(install.resolve(old), FileTime.from(now.minusSeconds(3600)));
        }
        Files.setLastModifiedTime(install.resolve("target/gazette.jar"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(install.resolve("target/gazette.jsa"), FileTime.from(now.minusSeconds(30)));
        return install;
    }
}
