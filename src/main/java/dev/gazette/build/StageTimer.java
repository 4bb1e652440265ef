package dev.gazette.build;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per pipeline stage, for {@code --timings} and the benchmarks. */
final class StageTimer {
    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String stage) {
        long now = System.nanoTime();
        laps.put(stage, Duration.ofNanos(now - last));
        last = now;
    }

    Map<String, Duration> laps() {
        return laps;
    }
}
