package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolePaceTest {
    private final RolePace pace = new RolePace(Duration.ofMillis(100));

    @Test
    void the_first_failure_pauses_a_fifth_of_the_interval_so_a_takeover_follows_an_election_quickly() {
        assertThat(pace.pauseAfter(1)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void failures_in_a_row_double_the_pause_up_to_twice_the_interval() {
        assertThat(pace.pauseAfter(2)).isEqualTo(Duration.ofMillis(40));
        assertThat(pace.pauseAfter(3)).isEqualTo(Duration.ofMillis(80));
        assertThat(pace.pauseAfter(4)).isEqualTo(Duration.ofMillis(160));
        assertThat(pace.pauseAfter(5)).isEqualTo(Duration.ofMillis(200));
        assertThat(pace.pauseAfter(1_000)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void a_count_below_one_or_an_empty_interval_is_refused() {
        assertThatThrownBy(() -> pace.pauseAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RolePace(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
