package dev.br2k.robustness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearest_rank_percentiles_pick_observed_values() {
        List<Double> v = List.of(5.0, 1.0, 3.0, 2.0, 4.0);

        assertThat(Percentiles.of(v, 50)).isEqualTo(3.0);
        assertThat(Percentiles.of(v, 99)).isEqualTo(5.0);
        assertThat(Percentiles.of(v, 1)).isEqualTo(1.0);
        assertThat(Percentiles.max(v)).isEqualTo(5.0);
    }

    @Test
    void no_values_give_not_a_number() {
        assertThat(Percentiles.of(List.of(), 50)).isNaN();
    }
}
