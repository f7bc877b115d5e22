package dev.br2k.robustness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.robustness.ExperimentOptions;
import dev.br2k.robustness.audit.LogAudit;
import dev.br2k.robustness.fault.FaultKind;
import dev.br2k.robustness.fault.FaultRecord;
import dev.br2k.robustness.isolation.IsolatedAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentReportTest {
    private static final long S = 1_000_000_000L;

    @Test
    void a_2xx_from_an_isolated_leader_makes_the_run_incorrect_and_misses_its_target() {
        ExperimentReport r = report(List.of(isolation(new IsolatedAnswer(false, "x-1", 503, "no leader"),
                new IsolatedAnswer(true, "x-2", 200, "{\"name\":\"Owner 1\"}"))), 3);

        assertThat(r.isolatedSuccesses()).isEqualTo(1);
        assertThat(r.correct()).isFalse();
        assertThat(r.targets()).filteredOn(t -> t.name().startsWith("answers from an isolated"))
                .singleElement().satisfies(t -> assertThat(t.met()).isFalse());
    }

    @Test
    void refusals_redirects_and_timeouts_from_an_isolated_leader_keep_the_run_correct() {
        ExperimentReport r = report(List.of(isolation(new IsolatedAnswer(false, "x-1", 503, "no leader"),
                new IsolatedAnswer(true, "x-2", 307, ""), new IsolatedAnswer(true, "x-3", 0, "timed out"))), 3);

        assertThat(r.correct()).isTrue();
        assertThat(r.isolatedAnswers()).hasSize(3);
    }

    @Test
    void backups_are_the_state_version_ups_and_the_mean_failover_is_downtime_per_fault() {
        ExperimentReport r = report(List.of(failover(FaultKind.PAUSE, 1.0), failover(FaultKind.KILL_ETCD, 2.0)), 4);

        assertThat(r.backups()).isEqualTo(3);
        assertThat(r.meanFailoverSeconds()).isEqualTo(1.5);
        assertThat(r.downtimeShare()).isEqualTo(3.0 / 100);
    }

    private static Failover isolation(IsolatedAnswer... answers) {
        return new Failover(new FaultRecord(1, FaultKind.ISOLATE_LEADER, "r1", 10 * S, 40 * S, Optional.of(41 * S),
                Optional.of("r2"), List.of(answers), ""), Optional.of(1.0), Optional.of("r2"));
    }

    private static Failover failover(FaultKind kind, double seconds) {
        return new Failover(new FaultRecord(1, kind, "r1", 10 * S, 12 * S, Optional.of(13 * S), Optional.of("r2"),
                List.of(), ""), Optional.of(seconds), Optional.of("r2"));
    }

    private static ExperimentReport report(List<Failover> failovers, long stateVersion) {
        LogAudit log = new LogAudit(10, 10, Map.of("SUCCESS", 10L), Map.of(), 3, stateVersion);
        return new ExperimentReport("br2kx0000", "test", Instant.EPOCH, ExperimentOptions.shortMode(), "test", 1, 100, 10,
                0, 10, 0, 0, List.of(), failovers, log, 0, 0, 0, 0, 0, true, List.of(), 10, List.of());
    }
}
