package dev.br2k.robustness.cluster;

import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.robustness.ExperimentException;
import dev.br2k.robustness.network.Network;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** The replicas of the service under test, each in its own namespace of {@link Network}. */
public final class ReplicaCluster implements AutoCloseable {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(400);

    private final List<ReplicaNode> nodes;
    private final Path sharedDir;

    private ReplicaCluster(List<ReplicaNode> nodes, Path sharedDir) {
        this.nodes = nodes;
        this.sharedDir = sharedDir;
    }

    /** Starts every etcd member and every service process, and waits until one replica leads. */
    public static ReplicaCluster start(Network network, ClusterSettings settings, Path workDir, Duration startTimeout) {
        String initialCluster = java.util.stream.IntStream.rangeClosed(1, settings.replicas())
                .mapToObj(i -> "r" + i + "=" + ReplicaNode.peerUrl(network, i)).collect(Collectors.joining(","));
        List<ReplicaNode> nodes = new ArrayList<>();
        for (int i = 1; i <= settings.replicas(); i++) {
            nodes.add(new ReplicaNode(i, network, settings, workDir, initialCluster));
        }
        ReplicaCluster cluster = new ReplicaCluster(List.copyOf(nodes), workDir);
        nodes.forEach(ReplicaNode::startEtcd);
        nodes.forEach(ReplicaNode::startService);
        if (!cluster.awaitConverged(startTimeout)) {
            throw new ExperimentException("the replicas did not elect a leader within " + startTimeout.toSeconds()
                    + " s of starting; their logs end with:\n" + cluster.tailLogs(15));
        }
        return cluster;
    }

    public List<ReplicaNode> nodes() {
        return nodes;
    }

    public ReplicaNode node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replica " + id));
    }

    /** Every replica's status, asked in parallel; replicas that do not answer are missing from the map. */
    public Map<String, ReplicaStatusRecord> statuses() {
        Map<String, ReplicaStatusRecord> out = new ConcurrentHashMap<>();
        nodes.parallelStream().forEach(n -> n.status(STATUS_TIMEOUT).ifPresent(s -> out.put(n.id(), s)));
        return out;
    }

    /** The replica that says it leads and that the other answering replicas agree on. */
    public Optional<ReplicaNode> leader() {
        Map<String, ReplicaStatusRecord> st = statuses();
        List<ReplicaStatusRecord> leading = st.values().stream().filter(ReplicaCluster::leading).toList();
        if (leading.size() == 1) {
            return Optional.of(node(leading.get(0).id()));
        }
        for (ReplicaStatusRecord s : leading) {
            long agree = st.values().stream().filter(o -> o.leader().filter(s.id()::equals).isPresent()).count();
            if (agree > st.size() / 2) {
                return Optional.of(node(s.id()));
            }
        }
        return Optional.empty();
    }

    /** Waits until one replica leads; returns it, or empty after {@code timeout}. */
    public Optional<ReplicaNode> awaitLeader(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ReplicaNode> l = leader();
            if (l.isPresent()) {
                return l;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return Optional.empty();
    }

    /**
     * Waits until every replica answers, exactly one leads, the others follow it, and all have processed
     * the same log prefix (equal lpi, equal to the service-state index). False after {@code timeout}.
     */
    public boolean awaitConverged(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (converged(statuses())) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(150).toNanos());
        }
        return false;
    }

    /** True when every replica answers and exactly one leads. */
    public boolean recovered() {
        Map<String, ReplicaStatusRecord> st = statuses();
        return st.size() == nodes.size() && st.values().stream().filter(ReplicaCluster::leading).count() == 1;
    }

    private boolean converged(Map<String, ReplicaStatusRecord> st) {
        if (st.size() != nodes.size()) {
            return false;
        }
        List<ReplicaStatusRecord> leading = st.values().stream().filter(ReplicaCluster::leading).toList();
        if (leading.size() != 1) {
            return false;
        }
        String leader = leading.get(0).id();
        long ssi = leading.get(0).ssi();
        return st.values().stream().allMatch(s -> (leading(s) || s.role() == Role.FOLLOWER)
                && s.leader().filter(leader::equals).isPresent() && s.lpi() == ssi);
    }

    /** Every replica's status, one line each, for messages. */
    public String describe() {
        Map<String, ReplicaStatusRecord> st = statuses();
        return nodes.stream().map(n -> n.id() + ": " + Optional.ofNullable(st.get(n.id())).map(Object::toString)
                .orElse("no answer")).collect(Collectors.joining("\n"));
    }

    public String tailLogs(int lines) {
        return nodes.stream().map(n -> n.tailLogs(lines)).collect(Collectors.joining());
    }

    /** The etcd client URLs of every member. */
    public List<String> etcdEndpoints() {
        return nodes.stream().map(ReplicaNode::etcdEndpoint).toList();
    }

    /** Stops every service (SIGTERM), then every etcd member. */
    public void stopServices() {
        nodes.parallelStream().forEach(ReplicaNode::stopService);
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(ReplicaNode::stop);
    }

    private static boolean leading(ReplicaStatusRecord s) {
        return s.role() == Role.LEADER;
    }
}
