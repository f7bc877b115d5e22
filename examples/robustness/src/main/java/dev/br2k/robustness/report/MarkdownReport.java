package dev.br2k.robustness.report;

import static dev.br2k.robustness.report.ExperimentReport.fmt;

import dev.br2k.robustness.ExperimentOptions;
import dev.br2k.robustness.fault.FaultKind;
import dev.br2k.robustness.isolation.IsolatedAnswer;
import java.util.List;
import java.util.stream.Collectors;

/** Renders an {@link ExperimentReport} as markdown (printed to stdout and written to the report file). */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ExperimentReport r) {
        ExperimentOptions o = r.options();
        StringBuilder md = new StringBuilder();
        md.append("# BR2K robustness experiment: ").append(o.mode()).append(" run\n\n");
        md.append("Command: `").append(r.command()).append("`  \n");
        md.append("Started: ").append(r.started()).append("  \n");
        md.append("Result: **").append(r.correct() ? "correct" : "INCORRECT").append("** (nothing acknowledged lost, "
                + "nothing applied twice, replicas identical, no 2xx from an isolated leader)\n\n");

        md.append("## Set-up\n\n");
        md.append("Service and requests: ").append(r.workload()).append(". Registry: ServiceRegistry on anvil (1 s blocks); "
                + "clients follow its NewLocation events and the replicas' 307 redirects.\n\n");
        md.append(String.format("%d replicas (etcd 3.4 member + service process each, one network namespace each, heartbeat %d ms, "
                        + "election timeout %d ms, pre-vote on; role check %d ms); %d clients at %.1f requests/s each%s; "
                        + "a fault %.1f-%.1f s after the previous one recovered%s; partitions and SIGSTOPs last %.1f s, "
                        + "killed processes restart after %.1f s; seed %d.%n%n",
                o.replicas(), o.heartbeatMillis(), o.electionMillis(), o.roleCheckMillis(), o.clients().clients(),
                o.clients().ratePerSecond(), o.clients().requestsPerClient() > 0
                        ? " (" + o.clients().requestsPerClient() + " requests each)" : " (until the attacker is done)",
                o.attack().minGap().toMillis() / 1000.0, o.attack().maxGap().toMillis() / 1000.0,
                o.attack().faultsPerKind() > 0 ? " (" + o.attack().faultsPerKind() + " of every kind)" : "",
                o.attack().hold().toMillis() / 1000.0, o.attack().restartDelay().toMillis() / 1000.0, o.seed()));
        md.append(String.format("Fault kinds in the bag: %s. The long partition (ISOLATE_LEADER) lasts %.1f s, with a client "
                        + "inside the leader's namespace sending reads and writes straight to it; a failing follower's "
                        + "handlers (FAIL_FOLLOWER) throw for %.1f s; KILL_IN_BACKUP waits up to %d s for a backup to begin.%n%n",
                o.attack().kinds().stream().sorted().map(Enum::name).collect(Collectors.joining(", ")),
                o.attack().isolation().toMillis() / 1000.0, o.attack().handlerFailure().toMillis() / 1000.0,
                o.attack().backupWait().toSeconds()));
        md.append(o.backupEveryEntries() > 0 ? "The runtime backs up and compacts the log every " + o.backupEveryEntries()
                + " entries; a replica that must restore loads the newest backup and follows the log from there. "
                + "Requests whose entries were compacted away are audited in the databases, row by row.\n\n" : "No backups: the log is never compacted, so a replica that must restore replays it from the start.\n\n");

        md.append("## Results (the source's Table 5 shape)\n\n");
        md.append("| | this run | source (Table 5) |\n|---|---|---|\n");
        row(md, "total time", String.format("%.1f s (+ %.1f s set-up)", r.runSeconds(), r.setupSeconds()), "about 83 min");
        row(md, "requests acknowledged", r.acked() + " (" + r.abandoned() + " abandoned at stop, outcome unknown to the client)",
                "50,000 sent");
        row(md, "throughput", String.format("%.1f acknowledged requests/s", r.runSeconds() > 0 ? r.acked() / r.runSeconds() : 0),
                "50,000 in about 83 min (10/s)");
        row(md, "faults", r.failovers().size() + " (" + perKind(r) + ")", "partition of the leader's node every 30-120 s");
        row(md, "downtime total", String.format("%.1f s (%.1f %% of the run)", r.downtimeSeconds(), 100 * r.downtimeShare()),
                "about 16 min");
        List<Double> all = r.failoverSeconds();
        row(md, "failover p50 / p99 / max", fmt(Percentiles.of(all, 50)) + " / " + fmt(Percentiles.of(all, 99)) + " / "
                + fmt(Percentiles.max(all)) + " s", "about 15 s each");
        row(md, "mean failover per fault", fmt(r.meanFailoverSeconds()) + " s", "about 15 s");
        row(md, "leader changes", String.valueOf(r.leaderChanges()), "67");
        row(md, "backups (state version ups)", r.backups() + " (state version " + r.log().stateVersion() + " at the end)",
                "-");
        List<IsolatedAnswer> iso = r.isolatedAnswers();
        row(md, "answers to the client inside an isolated leader's namespace", iso.size() + ": " + r.isolatedSuccesses()
                + " 2xx, " + iso.stream().filter(IsolatedAnswer::redirect).count() + " redirects, "
                + iso.stream().filter(a -> !a.success() && !a.redirect() && !a.noAnswer()).count() + " other refusals, "
                + iso.stream().filter(IsolatedAnswer::noAnswer).count() + " without answer (timeout)", "not checked");
        row(md, "SUCCESS / IGNORE / IN_PROCESS / FAILED / NULL" + (r.log().compacted()
                ? " (state version " + r.log().stateVersion() + " only: older entries were compacted by backups)" : ""),
                r.log().count("SUCCESS") + " / " + r.log().count("IGNORE")
                + " / " + r.log().count("IN_PROCESS") + " / " + r.log().count("FAILED") + " / " + r.log().count("NULL"),
                "39,805 / 10,193 / 2 / 0 / -");
        row(md, "acknowledged but missing", (r.lostInLog() + r.lostInState()) + " (log " + (r.log().compacted()
                ? "n/a: compacted by backups" : String.valueOf(r.lostInLog())) + ", databases " + r.lostInState() + ")",
                "not checked");
        row(md, "applied twice", (r.duplicatesInLog() + r.duplicatesInState() + r.duplicatesSeenByClients()) + " (log "
                + r.duplicatesInLog() + ", databases " + r.duplicatesInState() + ", answers " + r.duplicatesSeenByClients()
                + ")", "not checked");
        row(md, "replicas identical row by row", (r.replicasIdentical() ? "yes" : "NO") + " (" + r.rowsPerReplica()
                + " rows each)", "yes");
        row(md, "client attempts / retried / redirects", r.attempts() + " / " + r.failedAttempts() + " / " + r.redirects(), "-");
        md.append('\n');

        md.append("## Targets (issue 17)\n\n| target | goal | measured | |\n|---|---|---|---|\n");
        for (Target t : r.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.met() ? "met" : "**missed**").append(" |\n");
        }
        md.append('\n');

        md.append("## Failover by fault kind\n\n| kind | faults | p50 | p99 | max |\n|---|---|---|---|---|\n");
        for (FaultKind k : r.options().attack().kinds().stream().sorted().toList()) {
            List<Double> s = r.failoverSeconds(k);
            md.append("| ").append(k.description()).append(" | ").append(s.size()).append(" | ")
                    .append(fmt(Percentiles.of(s, 50))).append(" | ").append(fmt(Percentiles.of(s, 99))).append(" | ")
                    .append(fmt(Percentiles.max(s))).append(" |\n");
        }
        md.append("\nFailover = from the fault to the first acknowledged write of an attempt started after the fault, "
                + "as the clients saw it. Downtime = the sum of the failovers.\n\n");

        md.append("## Fault schedule\n\n| # | at (s) | fault | replica hit | healed (s) | failover (s) | first ack by | "
                + "recovered (s) | note |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Failover f : r.failovers()) {
            var x = f.fault();
            md.append("| ").append(x.number()).append(" | ").append(sec(x.injected())).append(" | ").append(x.kind())
                    .append(" | ").append(x.victim()).append(" | ").append(sec(x.healed())).append(" | ")
                    .append(f.seconds().map(ExperimentReport::fmt).orElse("**none**")).append(" | ")
                    .append(f.ackedBy().orElse("-")).append(" | ")
                    .append(x.recovered().map(MarkdownReport::sec).orElse("**no**")).append(" | ").append(x.note())
                    .append(" |\n");
        }
        md.append('\n');
        if (!r.problems().isEmpty() || !r.unexpected().isEmpty() || !r.differences().isEmpty()) {
            md.append("## Problems\n\n");
            r.differences().forEach(d -> md.append("- replicas differ: ").append(d).append('\n'));
            r.problems().forEach(p -> md.append("- ").append(p.replace("\n", "\n  ")).append('\n'));
            r.unexpected().stream().limit(20).forEach(u -> md.append("- unexpected answer: ").append(u).append('\n'));
            if (r.unexpected().size() > 20) {
                md.append("- ... and ").append(r.unexpected().size() - 20).append(" more unexpected answers\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String perKind(ExperimentReport r) {
        StringBuilder sb = new StringBuilder();
        for (FaultKind k : r.options().attack().kinds().stream().sorted().toList()) {
            long n = r.failovers().stream().filter(f -> f.fault().kind() == k).count();
            sb.append(sb.length() > 0 ? ", " : "").append(n).append(' ').append(k.name());
        }
        return sb.toString();
    }

    private static void row(StringBuilder md, String name, String value, String source) {
        md.append("| ").append(name).append(" | ").append(value).append(" | ").append(source).append(" |\n");
    }

    private static String sec(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
