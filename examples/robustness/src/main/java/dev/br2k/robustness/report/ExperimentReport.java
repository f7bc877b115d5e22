package dev.br2k.robustness.report;

import dev.br2k.robustness.ExperimentOptions;
import dev.br2k.robustness.audit.LogAudit;
import dev.br2k.robustness.fault.FaultKind;
import dev.br2k.robustness.isolation.IsolatedAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run, in the shape of the source's Table 5 plus the checks the source did not make.
 *
 * @param runId            the run's name prefix (namespaces, links, request ids)
 * @param command          the command line that produced it
 * @param started          when the run started
 * @param options          the run's settings
 * @param workload         the service and requests the clients used
 * @param setupSeconds     from nothing to a leader serving
 * @param runSeconds       from the first client request to the last client ending
 * @param acked            requests the clients saw acknowledged
 * @param abandoned        requests stopping clients gave up on (outcome unknown to them; not counted lost)
 * @param attempts         HTTP attempts, redirects not counted separately
 * @param failedAttempts   attempts that failed and were retried with the same request id
 * @param redirects        307 answers followed
 * @param unexpected       answers that were neither success, redirect nor retryable
 * @param failovers        every fault with what the clients saw
 * @param log              the etcd keys at the end
 * @param lostInLog        acknowledged requests with no SUCCESS entry in the log
 * @param lostInState      acknowledged requests missing from some replica's database
 * @param duplicatesInLog  request ids with more than one SUCCESS entry
 * @param duplicatesInState request counters above 1 in some replica's database
 * @param duplicatesSeenByClients acknowledgements whose counter was not 1
 * @param replicasIdentical every replica's database equal row by row
 * @param differences      the first difference per replica that differed
 * @param rowsPerReplica   rows in each database (all tables)
 * @param problems         what else went wrong on the way
 */
public record ExperimentReport(String runId, String command, Instant started, ExperimentOptions options, String workload,
                               double setupSeconds,
                               double runSeconds, long acked, long abandoned, long attempts, long failedAttempts,
                               long redirects, List<String> unexpected, List<Failover> failovers, LogAudit log,
                               long lostInLog, long lostInState, long duplicatesInLog, long duplicatesInState,
                               long duplicatesSeenByClients, boolean replicasIdentical, List<String> differences,
                               long rowsPerReplica, List<String> problems) {

    /** Failover times in seconds of the faults that had one. */
    public List<Double> failoverSeconds() {
        return failovers.stream().flatMap(f -> f.seconds().stream()).toList();
    }

    public List<Double> failoverSeconds(FaultKind kind) {
        return failovers.stream().filter(f -> f.fault().kind() == kind).flatMap(f -> f.seconds().stream()).toList();
    }

    /** Sum of the failover times. */
    public double downtimeSeconds() {
        return failoverSeconds().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double downtimeShare() {
        return runSeconds > 0 ? downtimeSeconds() / runSeconds : 0;
    }

    /** The downtime share this run's failovers would give at one fault per 10 s: mean failover / 10 s. */
    public double normalizedDowntimeShare() {
        return failovers.isEmpty() ? 0 : downtimeSeconds() / failoverSeconds().size() / 10;
    }

    /** Leader changes: takeovers of the leader key after the first. */
    public long leaderChanges() {
        return Math.max(0, log.leaderTakeovers() - 1);
    }

    public long faultsWithoutFailover() {
        return failovers.stream().filter(f -> f.seconds().isEmpty()).count();
    }

    /** Seconds between faults on average, over the run. */
    public double secondsPerFault() {
        return failovers.isEmpty() ? Double.NaN : runSeconds / failovers.size();
    }

    /** Mean failover per fault, in seconds (NaN without faults). */
    public double meanFailoverSeconds() {
        List<Double> s = failoverSeconds();
        return s.isEmpty() ? Double.NaN : downtimeSeconds() / s.size();
    }

    /** Backups (state version ups) the service made: the state version in etcd minus 1. */
    public long backups() {
        return Math.max(0, log.stateVersion() - 1);
    }

    /** Everything the clients inside isolated leaders' namespaces were answered. */
    public List<IsolatedAnswer> isolatedAnswers() {
        return failovers.stream().flatMap(f -> f.fault().isolatedAnswers().stream()).toList();
    }

    /** 2xx answers from a leader while it was cut off from the others: each one is old data or an unrecorded write. */
    public long isolatedSuccesses() {
        return isolatedAnswers().stream().filter(IsolatedAnswer::success).count();
    }

    /**
     * The correctness guarantees: nothing acknowledged lost, nothing applied twice, replicas identical, no 2xx
     * from an isolated leader.
     */
    public boolean correct() {
        return lostInLog == 0 && lostInState == 0 && duplicatesInLog == 0 && duplicatesInState == 0
                && duplicatesSeenByClients == 0 && replicasIdentical && isolatedSuccesses() == 0;
    }

    /** The targets (issue 17), each met or missed. */
    public List<Target> targets() {
        List<Target> t = new ArrayList<>();
        long lost = lostInLog + lostInState;
        long dup = duplicatesInLog + duplicatesInState + duplicatesSeenByClients;
        t.add(new Target("acknowledged lost / applied twice", "0 / 0" + (backups() > 0 ? ", with backups on" : ""),
                lost + " / " + dup + " (" + backups() + " backups)", lost == 0 && dup == 0));
        t.add(new Target("replicas identical", "yes, row by row", replicasIdentical ? "yes" : "no", replicasIdentical));
        long isolated = isolatedAnswers().size();
        t.add(new Target("answers from an isolated old leader", "0 with 2xx",
                isolatedSuccesses() + " with 2xx of " + isolated + " answers", isolated > 0 && isolatedSuccesses() == 0));
        double p50 = Percentiles.of(failoverSeconds(), 50);
        double p99 = Percentiles.of(failoverSeconds(), 99);
        boolean allFailedOver = faultsWithoutFailover() == 0;
        t.add(new Target("failover p50 / p99", "<= 1 s / <= 2.5 s (harsh mode)", fmt(p50) + " / " + fmt(p99) + " s",
                allFailedOver && p50 <= 1 && p99 <= 2.5));
        t.add(new Target("mean failover per fault", "<= 1 s", fmt(meanFailoverSeconds()) + " s",
                allFailedOver && meanFailoverSeconds() <= 1));
        t.add(new Target("downtime share", "<= 2 % at the source's pace (source about 19 %)",
                String.format("%.1f %% (one fault per %.1f s)", 100 * downtimeShare(), secondsPerFault()),
                allFailedOver && downtimeShare() <= 0.02));
        return t;
    }

    static String fmt(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format("%.2f", seconds);
    }

    public Optional<String> firstProblem() {
        return problems.stream().findFirst();
    }
}
