package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are encoded as they are written: the bytes must be those of {@code String.getBytes(UTF_8)}. */
class Utf8PageWriterTest {

    private static final String ALPHABET = "aZ <&\n\u00e9\u00df\u0416\u045e\u0451\u2014\u201c\u20ac\uffff"
            + "\ud83d\ude00\ud83c\udf0d\ud800\udc00\udbff\udfff";

    @Test
    void givesTheBytesOfGetBytesForAnyTextCutAnywhere() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(round < 1000 ? 40 : 20_000);
            for (int i = 0; i < length; i++) {
                // Mostly well-formed text, with a lone surrogate half now and then.
                // Every fourth page mostly ASCII, as most pages are.
                char c = random.nextInt(50) == 0 ? (char) (0xd800 + random.nextInt(0x800))
                        : round % 4 == 0 && random.nextInt(100) > 0 ? (char) (' ' + random.nextInt(95))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                text.append(c);
            }
            String page = text.toString();
            Utf8PageWriter writer = Utf8PageWriter.ofThisThread();
            int at = 0;
            while (at < page.length()) {
                int n = Math.min(page.length() - at, 1 + random.nextInt(9000));
                switch (random.nextInt(4)) {
                    case 0 -> writer.write(page, at, n);
                    case 1 -> writer.write(page.toCharArray(), at, n);
                    // As Pebble prints a teaser.
                    case 2 -> writer.write((Object) new Utf8PageWriter.Encoded(page.substring(at, at + n)));
                    default -> {
                        n = 1;
                        writer.write(page.charAt(at));
                    }
                }
                at += n;
            }
            assertThat(writer.toByteArray()).as(page).isEqualTo(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void printsWhatPebbleHandsItAsPebblesOwnWritersWould() throws IOException {
        Utf8PageWriter writer = Utf8PageWriter.ofThisThread();
        java.io.StringWriter plain = new java.io.StringWriter();
        Object[] values = {new Utf8PageWriter.Encoded("<p>Тошкент…</p>"), 42, 7L, 2.5, 1.5f, (short) 3, (byte) 4, 'ў',
                new java.math.BigDecimal("1E+3"), new io.pebbletemplates.pebble.extension.escaper.SafeString("<b>")};
        for (Object value : values) {
            writer.write(value);
            plain.write(io.pebbletemplates.pebble.utils.StringUtils.toString(value));
        }

        assertThat(new String(writer.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(plain.toString())
                .isEqualTo("<p>Тошкент…</p>4272.51.534ў1000<b>");
    }

    @Test
    void eachPageStartsEmpty() throws IOException {
        Utf8PageWriter.ofThisThread().write("first page \ud83d");
        Utf8PageWriter writer = Utf8PageWriter.ofThisThread();
        writer.write("\ude00 second");

        assertThat(writer.toByteArray()).isEqualTo("? second".getBytes(StandardCharsets.UTF_8));
    }
}
