package dev.br2k.replication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.testkit.EtcdCluster;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The three replicas {@link ReplicationBenchmark} drives: in its own JVM (one JIT and one heap for all three, as the
 * benchmark has always measured) or as three processes, one JVM each as in a deployment, so that the CPU each
 * replica spends can be read apart.
 */
final class BenchReplicas implements AutoCloseable {
    private final EtcdCluster etcd;
    private final IntSupplier leader;
    private final BiFunction<Integer, String, URI> urls;
    private final IntFunction<JsonNode> statuses;
    private final IntConsumer stopper;
    private final IntConsumer starter;
    private final IntFunction<OptionalLong> pids;
    private final Runnable closer;

    private BenchReplicas(EtcdCluster etcd, IntSupplier leader, BiFunction<Integer, String, URI> urls,
                          IntFunction<JsonNode> statuses, IntConsumer stopper, IntConsumer starter,
                          IntFunction<OptionalLong> pids, Runnable closer) {
        this.etcd = etcd;
        this.leader = leader;
        this.urls = urls;
        this.statuses = statuses;
        this.stopper = stopper;
        this.starter = starter;
        this.pids = pids;
        this.closer = closer;
    }

    static BenchReplicas inThisJvm(KvReplicas kv) {
        return new BenchReplicas(kv.etcd(), kv::awaitLeader, kv::url, kv::status, kv::stop, kv::start,
                i -> OptionalLong.empty(), kv::close);
    }

    /** {@code kv}'s processes, each started with {@code env} added to its environment. */
    static BenchReplicas processes(KvProcesses kv, Map<String, String> env) {
        return new BenchReplicas(kv.etcd(), kv::awaitLeader, kv::url,
                i -> kv.status(i).orElseThrow(() -> new IllegalStateException("r" + (i + 1) + " does not answer /br2k/status")),
                kv::stop, i -> kv.start(i, env),
                i -> kv.process(i).map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty()), kv::close);
    }

    EtcdCluster etcd() {
        return etcd;
    }

    int awaitLeader() {
        return leader.getAsInt();
    }

    URI url(int i, String path) {
        return urls.apply(i, path);
    }

    JsonNode status(int i) {
        return statuses.apply(i);
    }

    void stop(int i) {
        stopper.accept(i);
    }

    void start(int i) {
        starter.accept(i);
    }

    /** The process of replica {@code i}, when it runs in one of its own. */
    OptionalLong pid(int i) {
        return pids.apply(i);
    }

    @Override
    public void close() {
        closer.run();
    }
}
