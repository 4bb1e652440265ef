package dev.gazette.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every file a build writes goes through this check: nothing may land outside the output folder. */
class OutputPathsTest {

    private static final Path ROOT = Path.of("/srv/site");

    @Test
    void pathsInsideTheFolderResolve() {
        assertThat(OutputPaths.resolveInside(ROOT, "index.html")).isEqualTo(Path.of("/srv/site/index.html"));
        assertThat(OutputPaths.resolveInside(ROOT, "2022/12/22/a/index.html"))
                .isEqualTo(Path.of("/srv/site/2022/12/22/a/index.html"));
        for (String fine : List.of(".well-known/security.txt", "a/..b/c", "a/b..", "...", "tag/ташкент/index.html")) {
            assertThat(OutputPaths.resolveInside(ROOT, fine)).as(fine).startsWithRaw(ROOT).isEqualTo(ROOT.resolve(fine).normalize());
        }
    }

    @Test
    void pathsThatCouldLeaveTheFolderAreRefused() {
        for (String bad : List.of("", "/etc/passwd", "a/", "a//b", "..", "../a", "a/../../b", "a/..", ".", "./a", "a/./b",
                "a\\..\\b", "a\u0000b", "a\nb")) {
            assertThatThrownBy(() -> OutputPaths.resolveInside(ROOT, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
