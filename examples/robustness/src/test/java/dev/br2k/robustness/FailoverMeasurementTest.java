package dev.br2k.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.robustness.client.Ack;
import dev.br2k.robustness.fault.FaultKind;
import dev.br2k.robustness.fault.FaultRecord;
import dev.br2k.robustness.report.Failover;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailoverMeasurementTest {
    private static final long S = 1_000_000_000L;

    @Test
    void failover_ends_at_the_first_acknowledgement_of_an_attempt_started_after_the_fault() {
        FaultRecord fault = new FaultRecord(1, FaultKind.PARTITION, "r1", 10 * S, 12 * S, Optional.empty(), Optional.empty(), List.of(), "");
        List<Ack> acks = List.of(
                new Ack("a", 1, 9 * S, 9 * S, 10 * S + S / 10, "r1", 1, 1),          // in flight before the fault
                new Ack("b", 2, 9 * S, 10 * S + S / 2, 11 * S + S / 2, "r2", 3, 1), // retried after it: counts
                new Ack("c", 3, 11 * S, 11 * S, 12 * S, "r2", 1, 1));

        Failover f = ExperimentRun.failover(fault, acks);

        assertThat(f.seconds()).contains(1.5);
        assertThat(f.ackedBy()).contains("r2");
    }

    @Test
    void a_fault_after_which_nothing_was_acknowledged_has_no_failover_time() {
        FaultRecord fault = new FaultRecord(1, FaultKind.PAUSE, "r1", 10 * S, 12 * S, Optional.empty(), Optional.empty(), List.of(), "");

        Failover f = ExperimentRun.failover(fault, List.of(new Ack("a", 1, 1, 1, 2, "r1", 1, 1)));

        assertThat(f.seconds()).isEmpty();
    }
}
