package dev.br2k.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

    @Test
    void short_mode_is_the_default_and_asks_for_five_faults_of_every_kind_within_the_ci_budget() {
        ExperimentOptions o = ExperimentOptions.parse();

        assertThat(o.mode()).isEqualTo("short");
        assertThat(o.attack().faultsPerKind()).isEqualTo(5);
        assertThat(o.clients().clients()).isEqualTo(5);
        assertThat(o.maxLoad()).isLessThanOrEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void long_mode_is_the_source_scale_of_five_clients_times_ten_thousand_requests_with_faults_every_5_to_15_s() {
        ExperimentOptions o = ExperimentOptions.parse("--long");

        assertThat(o.clients().clients() * o.clients().requestsPerClient()).isEqualTo(50_000);
        assertThat(o.attack().minGap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.attack().maxGap()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.attack().faultsPerKind()).isZero();
    }

    @Test
    void options_override_the_mode_and_mark_the_run_as_custom() {
        ExperimentOptions o = ExperimentOptions.parse("--long", "--replicas", "5", "--requests", "100", "--gap", "2-4",
                "--report", "out.md");

        assertThat(o.mode()).isEqualTo("long+custom");
        assertThat(o.replicas()).isEqualTo(5);
        assertThat(o.clients().requestsPerClient()).isEqualTo(100);
        assertThat(o.attack().minGap()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.report()).contains(Path.of("out.md"));
    }

    @Test
    void a_run_that_could_never_end_is_refused() {
        assertThatThrownBy(() -> ExperimentOptions.parse("--requests", "0", "--faults-per-kind", "0"))
                .hasMessageContaining("never end");
    }

    @Test
    void a_pause_shorter_than_the_election_timeout_is_refused() {
        assertThatThrownBy(() -> ExperimentOptions.parse("--election", "1000", "--hold", "0.8"))
                .hasMessageContaining("--hold must exceed the election timeout");
    }

    @Test
    void an_unknown_option_is_named() {
        assertThatThrownBy(() -> ExperimentOptions.parse("--fast", "1")).hasMessageContaining("--fast");
    }
}
