package dev.gazette.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {

    /**
     * SMHasher's verification of MurmurHash3_x64_128: keys 0, 0..1, ..., 0..254 (every tail
     * length) hashed with seed 256 - length, their hashes hashed again; the first four bytes of
     * that are 0x6384BA69 in the reference implementation.
     */
    @Test
    void murmur3MatchesTheReferenceImplementation() {
        byte[] key = new byte[256];
        byte[] hashes = new byte[16 * 256];
        for (int i = 0; i < 256; i++) {
            key[i] = (byte) i;
            byte[] prefix = java.util.Arrays.copyOf(key, i);
            long[] h = Hashes.murmur3(prefix, 256 - i);
            putLittleEndian(hashes, i * 16, h[0]);
            putLittleEndian(hashes, i * 16 + 8, h[1]);
        }
        long[] last = Hashes.murmur3(hashes, 0);
        assertEquals(0x6384BA69, (int) last[0]);
    }

    @Test
    void contentHashTellsOneByteApartAndIsHex() {
        String a = Hashes.content("Toshkent, 22.12.2022".getBytes(StandardCharsets.UTF_8));
        String b = Hashes.content("Toshkent, 22.12.2023".getBytes(StandardCharsets.UTF_8));
        assertEquals(32, a.length());
        assertEquals(a, Hashes.content("Toshkent, 22.12.2022".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, b);
        assertNotEquals(Hashes.content(new byte[0]), Hashes.content(new byte[1]));
    }

    private static void putLittleEndian(byte[] out, int at, long value) {
        for (int b = 0; b < 8; b++) {
            out[at + b] = (byte) (value >>> (8 * b));
        }
    }
}
