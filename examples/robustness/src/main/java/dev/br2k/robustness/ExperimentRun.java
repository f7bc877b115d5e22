package dev.br2k.robustness;

import dev.br2k.robustness.audit.Databases;
import dev.br2k.robustness.audit.EtcdAuditor;
import dev.br2k.robustness.audit.LogAudit;
import dev.br2k.robustness.audit.ReplicaDatabase;
import dev.br2k.robustness.client.Ack;
import dev.br2k.robustness.client.ClientResults;
import dev.br2k.robustness.client.LeaderLocator;
import dev.br2k.robustness.client.LoadClient;
import dev.br2k.robustness.cluster.ClusterSettings;
import dev.br2k.robustness.cluster.ReplicaCluster;
import dev.br2k.robustness.cluster.ReplicaNode;
import dev.br2k.robustness.fault.Attacker;
import dev.br2k.robustness.fault.FaultRecord;
import dev.br2k.robustness.network.Network;
import dev.br2k.robustness.registry.RegistryChain;
import dev.br2k.robustness.registry.RegistryLeaderLocator;
import dev.br2k.robustness.report.ExperimentReport;
import dev.br2k.robustness.report.Failover;
import dev.br2k.robustness.workload.Workload;
import dev.br2k.testkit.DirectoryTree;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the experiment: network, replicas, clients and attacker; then the audit of etcd and of
 * every replica's database; then the report. Everything it started is gone when {@link #run} returns,
 * also when it throws.
 */
public final class ExperimentRun {
    private static final String SERVICE = "robustness";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);

    private final ExperimentOptions options;
    private final Workload workload;
    private final String command;

    public ExperimentRun(ExperimentOptions options, String command) {
        this.options = options;
        this.workload = options.workload().create();
        this.command = command;
    }

    public ExperimentReport run() {
        Instant started = Instant.now();
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "br2k-testkit",
                "robustness-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
        long t0 = System.nanoTime();
        Network network = Network.create(options.replicas(), workDir);
        ReplicaCluster cluster = null;
        RegistryChain chain = null;
        RegistryLeaderLocator locator = null;
        try {
            chain = RegistryChain.start(network, workDir, options.replicas());
            ClusterSettings settings = new ClusterSettings(options.replicas(), options.heartbeatMillis(),
                    options.electionMillis(), options.roleCheckMillis(), workload.serviceMainClass(),
                    System.getProperty("java.class.path"),
                    Map.of("BR2K_REGISTRY_RPC", chain.rpcUrl(), "BR2K_REGISTRY_ADDRESS", chain.registryAddress(),
                            "BR2K_REGISTRY_KEY", chain.serviceAccount().getEcKeyPair().getPrivateKey().toString(16),
                            "BR2K_BACKUP_EVERY_ENTRIES", String.valueOf(options.backupEveryEntries())));
            cluster = ReplicaCluster.start(network, settings, workDir, Duration.ofSeconds(90));
            locator = new RegistryLeaderLocator(chain.rpcUrl(), chain.registryAddress());
            workload.prepare(cluster.nodes().stream().map(ReplicaNode::url).toList(), options.clients().clients());
            double setup = (System.nanoTime() - t0) / 1e9;
            LOG.info("replicas up in {} s on {} ({}); leader {}; registry {} on {}", String.format("%.1f", setup),
                    network.prefix(), network.bridgeAddress(), cluster.leader().map(ReplicaNode::id).orElse("?"),
                    chain.registryAddress(), chain.rpcUrl());
            return load(cluster, network, locator, started, setup);
        } catch (RuntimeException e) {
            if (cluster != null) {
                LOG.error("the run failed; the replicas' logs end with:\n{}", cluster.tailLogs(20));
            }
            throw e;
        } finally {
            if (locator != null) {
                locator.close();
            }
            if (cluster != null) {
                cluster.close();
            }
            if (chain != null) {
                chain.close();
            }
            network.close();
            if (!options.keepWorkDir()) {
                deleteTree(workDir);
            } else {
                LOG.info("kept the replicas' data and logs in {}", workDir);
            }
        }
    }

    private ExperimentReport load(ReplicaCluster cluster, Network network, LeaderLocator locator, Instant started,
                                  double setup) {
        RunClock clock = new RunClock();
        ClientResults results = new ClientResults();
        AtomicBoolean stopClients = new AtomicBoolean();
        AtomicBoolean stopAttacker = new AtomicBoolean();
        List<URI> urls = cluster.nodes().stream().map(ReplicaNode::url).toList();
        Map<String, String> ids = cluster.nodes().stream().collect(Collectors.toMap(n -> n.url().getAuthority(), ReplicaNode::id));
        String runId = network.prefix();
        List<Thread> clients = new ArrayList<>();
        for (int i = 1; i <= options.clients().clients(); i++) {
            LoadClient c = new LoadClient(i, runId, urls, ids, locator, workload,
                    options.clients(), results, clock, stopClients);
            clients.add(start(c, "client-" + i));
        }
        Attacker attacker = new Attacker(cluster, network, options.attack(), clock, new Random(options.seed()), stopAttacker,
                workload, runId, System.getProperty("java.class.path"), SERVICE);
        Thread attackerThread = start(attacker, "attacker");

        long deadline = options.maxLoad().toNanos();
        boolean attackerFirst = options.attack().faultsPerKind() > 0 && options.clients().requestsPerClient() == 0;
        List<Thread> first = attackerFirst ? List.of(attackerThread) : clients;
        List<String> problems = new ArrayList<>();
        if (!joinAll(first, clock, deadline)) {
            problems.add(String.format("the load phase hit its limit of %d s before the %s were done; the run was cut "
                    + "short there", options.maxLoad().toSeconds(), attackerFirst ? "faults" : "clients' requests"));
        }
        stopAttacker.set(true);
        stopClients.set(true);
        joinAll(clients, clock, Long.MAX_VALUE);
        join(attackerThread);
        double runSeconds = clock.now() / 1e9;
        LOG.info("load done after {} s: {} acknowledged, {} faults", String.format("%.1f", runSeconds), results.acks().size(),
                attacker.faults().size());

        problems.addAll(attacker.problems());
        // replicas that restored may be replaying a long log: give them a tenth of the load cap (60 s..10 min)
        Duration settle = Duration.ofSeconds(Math.min(600, Math.max(60, options.maxLoad().toSeconds() / 10)));
        if (!cluster.awaitConverged(settle)) {
            problems.add("the replicas had not converged " + settle.toSeconds() + " s after the run:\n" + cluster.describe());
        }
        LogAudit log = EtcdAuditor.audit(cluster.etcdEndpoints(), SERVICE);
        cluster.stopServices();
        List<ReplicaDatabase> dbs = cluster.nodes().stream()
                .map(n -> {
                    Path db = workload.databaseFile(n.stateDir());
                    return Databases.read(n.id(), db, workload.applied(db));
                }).toList();
        return report(network.prefix(), started, setup, runSeconds, results, attacker.faults(), log, dbs, problems);
    }

    private ExperimentReport report(String runId, Instant started, double setup, double runSeconds, ClientResults results,
                                    List<FaultRecord> faults, LogAudit log, List<ReplicaDatabase> dbs, List<String> problems) {
        List<Ack> acks = results.acks();
        // after a backup the log holds only the newest state version: then the databases are the whole record
        long lostInLog = log.compacted() ? 0
                : acks.stream().filter(a -> log.successes().getOrDefault(a.requestId(), 0) == 0).count();
        long lostInState = acks.stream().filter(a -> dbs.stream().anyMatch(d -> !d.applied().containsKey(a.requestId())))
                .count();
        for (ReplicaDatabase d : dbs) {
            long missing = acks.stream().filter(a -> !d.applied().containsKey(a.requestId())).count();
            if (missing > 0) {
                problems.add("replica " + d.replica() + "'s database lacks " + missing + " acknowledged requests");
            }
        }
        long dupLog = log.successes().values().stream().filter(n -> n > 1).count();
        Set<String> dupState = new HashSet<>();
        dbs.forEach(d -> d.applied().forEach((k, v) -> {
            if (v != 1) {
                dupState.add(k);
            }
        }));
        long dupClients = acks.stream().filter(a -> a.applied() != 1).count();
        List<String> differences = dbs.stream().skip(1).flatMap(d -> Databases.firstDifference(dbs.get(0), d).stream()).toList();
        long rows = dbs.get(0).tables().values().stream().mapToLong(List::size).sum();
        List<Failover> failovers = faults.stream().map(f -> failover(f, acks)).toList();
        return new ExperimentReport(runId, command, started, options, workload.describe(), setup, runSeconds, acks.size(), results.abandoned().size(),
                results.attempts(), results.failedAttempts(), results.redirects(), results.unexpected(), failovers, log,
                lostInLog, lostInState, dupLog, dupState.size(), dupClients, differences.isEmpty(), differences, rows,
                problems);
    }

    /** The first acknowledgement of an attempt that started after the fault. */
    static Failover failover(FaultRecord fault, List<Ack> acks) {
        Optional<Ack> first = acks.stream().filter(a -> a.attemptStart() >= fault.injected())
                .min(Comparator.comparingLong(Ack::acked));
        return new Failover(fault, first.map(a -> (a.acked() - fault.injected()) / 1e9), first.map(Ack::replica));
    }

    /** Joins the threads until the run clock passes {@code deadline}; true if all ended. */
    private static boolean joinAll(List<Thread> threads, RunClock clock, long deadline) {
        for (Thread t : threads) {
            long left = deadline - clock.now();
            if (left <= 0) {
                return !t.isAlive();
            }
            try {
                t.join(Math.max(1, Math.min(left / 1_000_000, Long.MAX_VALUE / 2)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExperimentException("interrupted while waiting for " + t.getName(), e);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while waiting for " + t.getName(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            DirectoryTree.delete(dir);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete the work directory: {}", e.getMessage());
        }
    }

}
