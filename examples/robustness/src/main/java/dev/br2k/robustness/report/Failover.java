package dev.br2k.robustness.report;

import dev.br2k.robustness.fault.FaultRecord;
import java.util.Optional;

/**
 * One fault as the clients saw it.
 *
 * @param fault        the fault
 * @param seconds      fault to the first acknowledgement of an attempt started after the fault; empty if
 *                     no such acknowledgement came before the clients stopped
 * @param ackedBy      the replica that sent that acknowledgement
 */
public record Failover(FaultRecord fault, Optional<Double> seconds, Optional<String> ackedBy) {
}
