package dev.gazette.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of rendered bodies: what goes in comes back by offset, across its flushes and after reopening. */
class BodyStoreTest {

    @TempDir
    Path dir;

    @Test
    void everyBodyComesBackByItsOffsetBeforeAndAfterReopening() throws IOException {
        Random random = new Random(20261129);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            // Some larger than what the store keeps before writing, most a few kilobytes.
            byte[] body = new byte[i % 500 == 7 ? (3 << 20) / 2 + i : random.nextInt(6000)];
            random.nextBytes(body);
            bodies.add(body);
        }
        Path file = dir.resolve("bodies");
        List<Long> offsets = new ArrayList<>();
        long stamp;
        try (BodyStore store = BodyStore.create(file)) {
            stamp = store.stamp();
            for (int i = 0; i < bodies.size(); i++) {
                offsets.add(store.append(bodies.get(i)));
                // Read while writing too, as a build reads bodies it parsed moments ago.
                int earlier = random.nextInt(i + 1);
                assertThat(store.read(offsets.get(earlier), bodies.get(earlier).length)).isEqualTo(bodies.get(earlier));
            }
            store.flush();
        }
        try (BodyStore reopened = BodyStore.open(file, stamp)) {
            for (int i = 0; i < bodies.size(); i++) {
                assertThat(reopened.read(offsets.get(i), bodies.get(i).length)).as("body %d", i).isEqualTo(bodies.get(i));
            }
        }
    }
}
