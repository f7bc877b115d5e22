package dev.br2k.robustness.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * How the attacker behaves.
 *
 * @param minGap        shortest quiet time between one fault's recovery and the next fault
 * @param maxGap        longest such time (the gap is uniform in [minGap, maxGap])
 * @param hold          how long a partition or a SIGSTOP lasts; must exceed the election timeout
 * @param restartDelay  how long a killed process stays down before it is restarted
 * @param faultsPerKind stop after this many faults of every kind; 0 = until told to stop
 * @param recoveryTimeout how long to wait for the replicas to converge after a fault before going on
 */
public record AttackSettings(Duration minGap, Duration maxGap, Duration hold, Duration restartDelay, int faultsPerKind,
                             Duration recoveryTimeout) {
    public AttackSettings {
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(maxGap, "maxGap");
        if (minGap.isNegative() || maxGap.compareTo(minGap) < 0) {
            throw new IllegalArgumentException("need 0 <= minGap <= maxGap, was " + minGap + ", " + maxGap);
        }
        if (faultsPerKind < 0) {
            throw new IllegalArgumentException("faultsPerKind must be >= 0, was " + faultsPerKind);
        }
    }
}
