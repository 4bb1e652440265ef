package dev.gazette.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The daemon runs with the options of the JVM that starts it, but for those of a one-off build. */
class DaemonOptionsTest {

    @Test
    void theDaemonKeepsItsLargeYoungGenerationTheOptimisingCompilerAndTheSerialCollector() {
        List<String> launched = List.of("-XX:SharedArchiveFile=/x/gazette.jsa", "-XX:+UseParallelGC", "-Xmx2600m",
                "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.25", "-Xmn64m", "-XX:MaxTenuringThreshold=0",
                "-Dgazette.daemon.site=news", "-Xms1500m");

        assertThat(DaemonClient.daemonOptions(launched)).containsExactly("-XX:NewSize=256m",
                "-XX:SharedArchiveFile=/x/gazette.jsa", "-XX:+UseSerialGC", "-Xmx2600m", "-Xms1500m");
    }

    @Test
    void anotherCollectorTheUserChoseStays() {
        assertThat(DaemonClient.daemonOptions(List.of("-XX:+UseG1GC", "-Xmx8g")))
                .containsExactly("-XX:NewSize=256m", "-XX:+UseG1GC", "-Xmx8g");
    }
}
