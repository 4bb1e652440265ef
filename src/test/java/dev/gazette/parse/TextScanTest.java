package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TextScan's one pass against the searches it replaced, on random texts. */
class TextScanTest {

    @Test
    void findsWhatTheSearchesFound() {
        String[] atoms = {":", "/", "//", "://", "@", "w", "ww", "www.", ".", "\\", "|", "&", "\r", "\n", "\0", "a", " ",
            "ж", "😀", "http://x.y", "é", "ÿ",
            // Characters whose low byte is one the scan looks for: \u0100 (NUL), \u0140 (@), \u017C (|).
            "\u0100", "\u0140", "\u017C", "a@b.c", "w.", "ww.", "\\\\", ".md", "md", "m", "d"};
        Random random = new Random(20261129);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(atoms[random.nextInt(atoms.length)]);
            }
            String s = text.toString();
            TextScan scan = TextScan.of(s);
            assertThat(scan.pipe()).as("pipe in %s", s).isEqualTo(s.indexOf('|') >= 0);
            assertThat(scan.plain()).as("plain %s", s).isEqualTo(s.indexOf('\\') < 0 && s.indexOf('&') < 0
                    && s.indexOf('\r') < 0 && s.indexOf('\0') < 0);
            assertThat(scan.markdownFile()).as(".md in %s", s).isEqualTo(s.contains(".md"));
            assertThat(scan.linkMarks()).as("marks in %s", s).containsExactly(searchedMarks(s));
        }
    }

    @Test
    void findsNothingInPlainProse() {
        TextScan scan = TextScan.of("Officials in Tashkent said the report was preliminary.\n\n- one\n- two\n");
        assertThat(scan.pipe()).isFalse();
        assertThat(scan.plain()).isTrue();
        assertThat(scan.linkMarks()).isEmpty();
        assertThat(scan.markdownFile()).isFalse();
    }

    /** The marks as String.indexOf found them, one search per kind, merged in order. */
    private static int[] searchedMarks(String s) {
        String[] kinds = {"://", "@", "ww.", "\\"};
        List<int[]> found = new ArrayList<>();
        for (String kind : kinds) {
            for (int at = s.indexOf(kind); at >= 0; at = s.indexOf(kind, at + 1)) {
                found.add(new int[] {at, at + kind.length()});
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        return found.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
