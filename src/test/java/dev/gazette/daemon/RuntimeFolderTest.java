package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's socket runs builds as its user: it goes only in a folder nobody else may enter. */
class RuntimeFolderTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsCreatedForItsUserAlone() throws IOException {
        Path folder = dir.resolve("gazette-" + ME);

        assertThat(Wire.privateFolder(folder, ME)).contains(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aFolderOthersMayEnterIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("gazette-" + ME));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Wire.privateFolder(folder, ME)).isEmpty();
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("gazette-other"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));

        assertThat(Wire.privateFolder(folder, "someone-else")).isEmpty();
    }

    @Test
    void aLinkToAPrivateFolderIsRefused() throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(dir.resolve("gazette-" + ME), target);

        assertThat(Wire.privateFolder(link, ME)).isEmpty();
    }

    /** The launcher names the socket with the cksum command: both must agree, whatever the path. */
    @Test
    void theKeyIsWhatCksumPrints() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/cksum")), "needs cksum");
        for (String text : new String[] {"", "a", "/home/editor/sites/courier",
            "/srv/newsroom/Тошкент/янгиликлар/oʻzbekcha", "/" + "x".repeat(300)}) {
            Process cksum = new ProcessBuilder("/usr/bin/cksum").start();
            try (var in = cksum.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            }
            String printed = new String(cksum.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
            assertThat(cksum.waitFor()).isZero();

            assertThat(Long.toString(Wire.cksum(text.getBytes(StandardCharsets.UTF_8)))).as(text).isEqualTo(printed);
        }
    }

    @Test
    void theSocketIsNamedByTheSitesRealPath() throws IOException {
        Path site = Files.createDirectory(dir.resolve("site"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), site);

        assertThat(Wire.key(link)).isEqualTo(Wire.key(site)).matches("[0-9]+");
        assertThat(Wire.key(site.resolve("../site"))).isEqualTo(Wire.key(site));
        assertThat(Wire.key(dir)).isNotEqualTo(Wire.key(site));
    }
}
