package dev.br2k.robustness;

import dev.br2k.robustness.client.ClientSettings;
import dev.br2k.robustness.fault.AttackSettings;
import dev.br2k.robustness.fault.FaultKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Everything a run is told. {@link #shortMode()} is the CI run; {@link #longMode()} the source's scale.
 *
 * @param mode            "short", "long" or "custom", for the report
 * @param workload        the service under test and what the clients send
 * @param replicas        3 or 5
 * @param clients         how the clients load the service
 * @param attack          how the attacker behaves
 * @param heartbeatMillis etcd heartbeat interval
 * @param electionMillis  etcd election timeout
 * @param roleCheckMillis the runtime's role check interval
 * @param seed            seeds the attacker's choices
 * @param report          where the markdown report goes, if anywhere
 * @param keepWorkDir     keep the replicas' data and logs after the run
 * @param maxLoad         the load phase ends after this long even if the attacker or clients are not done
 * @param backupEveryEntries the runtime backs up and compacts the log every this many entries; 0 = never
 */
public record ExperimentOptions(String mode, WorkloadKind workload, int replicas, ClientSettings clients, AttackSettings attack,
                                int heartbeatMillis, int electionMillis, int roleCheckMillis, long seed,
                                Optional<Path> report, boolean keepWorkDir, Duration maxLoad,
                                long backupEveryEntries) {

    /**
     * CI: 3 replicas, 5 clients at 5 requests/s each, a fault 0.2-0.8 s after the last one recovered, until 2 of
     * every kind; a backup every 100 entries (so that at least two happen even when a loaded machine
     * acknowledges only a few hundred requests); the leader isolated for 7 s, a follower's handler failing for 5 s.
     */
    public static ExperimentOptions shortMode() {
        return new ExperimentOptions("short", WorkloadKind.INFODID, 3,
                new ClientSettings(5, 5, 0, Duration.ofMillis(500), Duration.ofSeconds(30)),
                new AttackSettings(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofMillis(1200),
                        Duration.ofMillis(200), 2, Duration.ofSeconds(20), Duration.ofSeconds(7), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), EnumSet.allOf(FaultKind.class)),
                50, 500, 100, System.nanoTime(), Optional.empty(), false, Duration.ofSeconds(120), 100);
    }

    /**
     * The source's scale at a harsh pace: 5 clients x 10,000 requests (10/s each), a fault every 5-15 s; a backup
     * every 2,000 entries; the leader isolated for 30 s, a follower's handler failing for 5 s.
     */
    public static ExperimentOptions longMode() {
        return new ExperimentOptions("long", WorkloadKind.INFODID, 3,
                new ClientSettings(5, 10, 10_000, Duration.ofMillis(500), Duration.ofSeconds(30)),
                new AttackSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(3),
                        Duration.ofSeconds(1), 0, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(120), EnumSet.allOf(FaultKind.class)),
                50, 500, 100, System.nanoTime(), Optional.empty(), false, Duration.ofHours(4), 2000);
    }

    /**
     * The source's pace ({@code --pace source}): its 5 users at 2 requests/s each (10,000 requests each), a fault
     * every 30-120 s; a backup every 1,000 entries (100 s at 10 requests/s), other settings as {@link #longMode()}.
     */
    public static ExperimentOptions sourcePaceMode() {
        ExperimentOptions l = longMode();
        return new ExperimentOptions("source-pace", l.workload(), l.replicas(),
                new ClientSettings(5, 2, 10_000, Duration.ofMillis(500), Duration.ofSeconds(30)),
                new AttackSettings(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(3),
                        Duration.ofSeconds(1), 0, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(240), EnumSet.allOf(FaultKind.class)),
                l.heartbeatMillis(), l.electionMillis(), l.roleCheckMillis(), l.seed(), Optional.empty(), false,
                Duration.ofHours(7), 1000);
    }

    /**
     * Parses the command line: {@code --short} (default), {@code --long} or {@code --pace source}, then any of {@code --replicas N},
     * {@code --clients N}, {@code --rate R} (per client per second), {@code --requests N} (per client, 0 =
     * until the attacker is done), {@code --gap MIN-MAX} (seconds), {@code --faults-per-kind N} (0 = until
     * the clients are done), {@code --hold S}, {@code --restart-delay S}, {@code --heartbeat MS},
     * {@code --election MS}, {@code --max-load S} (the load phase ends then even if not done), {@code --service infodid|kv}, {@code --backup-every N} (entries; 0 = none),
     * {@code --isolate S} (the long partition), {@code --fail-for S} (a follower's failing handler), {@code --seed N}, {@code --report FILE}, {@code --keep}.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public static ExperimentOptions parse(String... args) {
        ExperimentOptions o = shortMode();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--long")) {
                o = longMode();
            }
            if (args[i].equals("--pace") && i + 1 < args.length) {
                o = switch (args[i + 1]) {
                    case "source" -> sourcePaceMode();
                    case "harsh" -> longMode();
                    default -> throw new IllegalArgumentException("--pace takes source or harsh, was " + args[i + 1]);
                };
            }
        }
        ClientSettings c = o.clients();
        AttackSettings t = o.attack();
        int replicas = o.replicas();
        int heartbeat = o.heartbeatMillis();
        int election = o.electionMillis();
        long seed = o.seed();
        Optional<Path> report = Optional.empty();
        boolean keep = false;
        boolean custom = false;
        Duration maxLoad = o.maxLoad();
        WorkloadKind workload = o.workload();
        long backupEvery = o.backupEveryEntries();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--short", "--long" -> { }
                case "--pace" -> i++;
                case "--keep" -> keep = true;
                case "--report" -> report = Optional.of(Path.of(value(args, ++i, a)));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                default -> {
                    custom = true;
                    String v = value(args, ++i, a);
                    switch (a) {
                        case "--replicas" -> replicas = Integer.parseInt(v);
                        case "--clients" -> c = new ClientSettings(Integer.parseInt(v), c.ratePerSecond(),
                                c.requestsPerClient(), c.attemptTimeout(), c.finishTimeout());
                        case "--rate" -> c = new ClientSettings(c.clients(), Double.parseDouble(v), c.requestsPerClient(),
                                c.attemptTimeout(), c.finishTimeout());
                        case "--requests" -> c = new ClientSettings(c.clients(), c.ratePerSecond(), Long.parseLong(v),
                                c.attemptTimeout(), c.finishTimeout());
                        case "--gap" -> {
                            String[] mm = v.split("-", 2);
                            if (mm.length != 2) {
                                throw new IllegalArgumentException("--gap takes MIN-MAX in seconds, e.g. 5-15, was " + v);
                            }
                            t = t.withGap(seconds(mm[0]), seconds(mm[1]));
                        }
                        case "--faults-per-kind" -> t = t.withFaultsPerKind(Integer.parseInt(v));
                        case "--hold" -> t = t.withHold(seconds(v));
                        case "--restart-delay" -> t = t.withRestartDelay(seconds(v));
                        case "--isolate" -> t = t.withIsolation(seconds(v));
                        case "--fail-for" -> t = t.withHandlerFailure(seconds(v));
                        case "--max-load" -> maxLoad = seconds(v);
                        case "--service" -> workload = WorkloadKind.parse(v);
                        case "--backup-every" -> backupEvery = Long.parseLong(v);
                        case "--heartbeat" -> heartbeat = Integer.parseInt(v);
                        case "--election" -> election = Integer.parseInt(v);
                        default -> throw new IllegalArgumentException("unknown option " + a + "; see the module README");
                    }
                }
            }
        }
        if (c.requestsPerClient() == 0 && t.faultsPerKind() == 0) {
            throw new IllegalArgumentException("the run would never end: give --requests or --faults-per-kind");
        }
        if (t.hold().toMillis() <= election) {
            throw new IllegalArgumentException("--hold must exceed the election timeout (" + election + " ms)");
        }
        if (t.isolation().toMillis() <= election) {
            throw new IllegalArgumentException("--isolate must exceed the election timeout (" + election + " ms)");
        }
        EnumSet<FaultKind> kinds = EnumSet.copyOf(t.kinds());
        if (backupEvery == 0) {
            kinds.remove(FaultKind.KILL_IN_BACKUP); // no backup to interrupt
        }
        if (!workload.create().canFailHandlers()) {
            kinds.remove(FaultKind.FAIL_FOLLOWER);
        }
        t = t.withKinds(kinds);
        return new ExperimentOptions(custom ? o.mode() + "+custom" : o.mode(), workload, replicas, c, t, heartbeat, election,
                o.roleCheckMillis(), seed, report, keep, maxLoad, backupEvery);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Duration seconds(String v) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000));
    }
}
