package dev.br2k.robustness.fault;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How the attacker behaves.
 *
 * @param minGap        shortest quiet time between one fault's recovery and the next fault
 * @param maxGap        longest such time (the gap is uniform in [minGap, maxGap])
 * @param hold          how long a partition or a SIGSTOP lasts; must exceed the election timeout
 * @param restartDelay  how long a killed process stays down before it is restarted
 * @param faultsPerKind stop after this many faults of every kind; 0 = until told to stop
 * @param recoveryTimeout how long to wait for the replicas to converge after a fault before going on
 * @param isolation     how long {@link FaultKind#ISOLATE_LEADER} cuts the leader off
 * @param handlerFailure how long {@link FaultKind#FAIL_FOLLOWER} makes a follower's handlers fail
 * @param backupWait    how long {@link FaultKind#KILL_IN_BACKUP} waits for a backup to begin before it gives up
 * @param kinds         the kinds in the bag
 */
public record AttackSettings(Duration minGap, Duration maxGap, Duration hold, Duration restartDelay, int faultsPerKind,
                             Duration recoveryTimeout, Duration isolation, Duration handlerFailure, Duration backupWait,
                             Set<FaultKind> kinds) {
    public AttackSettings {
        Objects.requireNonNull(minGap, "minGap");
        Objects.requireNonNull(maxGap, "maxGap");
        if (minGap.isNegative() || maxGap.compareTo(minGap) < 0) {
            throw new IllegalArgumentException("need 0 <= minGap <= maxGap, was " + minGap + ", " + maxGap);
        }
        if (faultsPerKind < 0) {
            throw new IllegalArgumentException("faultsPerKind must be >= 0, was " + faultsPerKind);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("the attacker needs at least one fault kind");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }

    public AttackSettings withGap(Duration min, Duration max) {
        return new AttackSettings(min, max, hold, restartDelay, faultsPerKind, recoveryTimeout, isolation, handlerFailure,
                backupWait, kinds);
    }

    public AttackSettings withHold(Duration h) {
        return new AttackSettings(minGap, maxGap, h, restartDelay, faultsPerKind, recoveryTimeout, isolation, handlerFailure,
                backupWait, kinds);
    }

    public AttackSettings withRestartDelay(Duration d) {
        return new AttackSettings(minGap, maxGap, hold, d, faultsPerKind, recoveryTimeout, isolation, handlerFailure,
                backupWait, kinds);
    }

    public AttackSettings withFaultsPerKind(int n) {
        return new AttackSettings(minGap, maxGap, hold, restartDelay, n, recoveryTimeout, isolation, handlerFailure,
                backupWait, kinds);
    }

    public AttackSettings withIsolation(Duration d) {
        return new AttackSettings(minGap, maxGap, hold, restartDelay, faultsPerKind, recoveryTimeout, d, handlerFailure,
                backupWait, kinds);
    }

    public AttackSettings withHandlerFailure(Duration d) {
        return new AttackSettings(minGap, maxGap, hold, restartDelay, faultsPerKind, recoveryTimeout, isolation, d,
                backupWait, kinds);
    }

    public AttackSettings withKinds(Set<FaultKind> k) {
        return new AttackSettings(minGap, maxGap, hold, restartDelay, faultsPerKind, recoveryTimeout, isolation,
                handlerFailure, backupWait, k);
    }
}
