package dev.br2k.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.robustness.fault.FaultKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

    @Test
    void short_mode_is_the_default_and_asks_for_two_faults_of_every_kind_with_backups_within_the_ci_budget() {
        ExperimentOptions o = ExperimentOptions.parse();

        assertThat(o.mode()).isEqualTo("short");
        assertThat(o.attack().faultsPerKind()).isEqualTo(2);
        assertThat(o.attack().kinds()).containsExactlyInAnyOrder(FaultKind.values());
        assertThat(o.backupEveryEntries()).isPositive();
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
        assertThat(o.backupEveryEntries()).isEqualTo(2000);
        assertThat(o.attack().isolation()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.attack().handlerFailure()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void source_pace_is_five_users_at_two_requests_per_second_and_a_fault_every_30_to_120_s() {
        ExperimentOptions o = ExperimentOptions.parse("--pace", "source");

        assertThat(o.mode()).isEqualTo("source-pace");
        assertThat(o.clients().clients()).isEqualTo(5);
        assertThat(o.clients().ratePerSecond()).isEqualTo(2.0);
        assertThat(o.attack().minGap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.attack().maxGap()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.attack().kinds()).containsExactlyInAnyOrder(FaultKind.values());
    }

    @Test
    void without_backups_there_is_no_backup_to_interrupt_and_kv_service_has_no_failing_handler() {
        assertThat(ExperimentOptions.parse("--backup-every", "0").attack().kinds()).doesNotContain(FaultKind.KILL_IN_BACKUP);
        assertThat(ExperimentOptions.parse("--service", "kv").attack().kinds()).doesNotContain(FaultKind.FAIL_FOLLOWER)
                .contains(FaultKind.ISOLATE_LEADER, FaultKind.KILL_IN_BACKUP);
    }

    @Test
    void an_unknown_pace_is_named() {
        assertThatThrownBy(() -> ExperimentOptions.parse("--pace", "fast")).hasMessageContaining("--pace takes source or harsh");
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
