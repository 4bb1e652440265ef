package dev.gazette.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file's recorded stamp, whose equality is written out: equal exactly when size and time are. */
class OutputStateStampTest {

    @Test
    void stampsAreEqualExactlyWhenSizeAndTimeAre() {
        OutputState.Stamp stamp = new OutputState.Stamp(1_234, 1_671_722_760_000_000_001L);
        assertThat(new OutputState.Stamp(1_234, 1_671_722_760_000_000_001L)).isEqualTo(stamp).hasSameHashCodeAs(stamp);
        assertThat(new OutputState.Stamp(1_235, 1_671_722_760_000_000_001L)).isNotEqualTo(stamp);
        assertThat(new OutputState.Stamp(1_234, 1_671_722_760_000_000_002L)).isNotEqualTo(stamp);
        assertThat(stamp).isNotEqualTo(null).isNotEqualTo("1234");
        assertThat(OutputState.Stamp.class.getRecordComponents()).as("a component the equality would miss").hasSize(2);
    }
}
