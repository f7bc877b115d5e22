package dev.br2k.replication;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.testkit.EtcdCluster;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The three replicas {@link ReplicationBenchmark} drives: in its own JVM (one JIT and one heap for all three, as the
 * benchmark has always measured) or as three processes, one JVM each as in a deployment, so that the CPU each
 * replica spends can be read apart.
 */
interface BenchReplicas extends AutoCloseable {
    EtcdCluster etcd();

    int awaitLeader();

    URI url(int i, String path);

    JsonNode status(int i);

    void stop(int i);

    void start(int i);

    /** The process of replica {@code i}, when it runs in one of its own. */
    OptionalLong pid(int i);

    @Override
    void close();

    static BenchReplicas inThisJvm(KvReplicas kv) {
        return new BenchReplicas() {
            @Override
            public EtcdCluster etcd() {
                return kv.etcd();
            }

            @Override
            public int awaitLeader() {
                return kv.awaitLeader();
            }

            @Override
            public URI url(int i, String path) {
                return kv.url(i, path);
            }

            @Override
            public JsonNode status(int i) {
                return kv.status(i);
            }

            @Override
            public void stop(int i) {
                kv.stop(i);
            }

            @Override
            public void start(int i) {
                kv.start(i);
            }

            @Override
            public OptionalLong pid(int i) {
                return OptionalLong.empty();
            }

            @Override
            public void close() {
                kv.close();
            }
        };
    }

    /** {@code kv}'s processes, each started with {@code env} added to its environment. */
    static BenchReplicas processes(KvProcesses kv, Map<String, String> env) {
        return new BenchReplicas() {
            @Override
            public EtcdCluster etcd() {
                return kv.etcd();
            }

            @Override
            public int awaitLeader() {
                return kv.awaitLeader();
            }

            @Override
            public URI url(int i, String path) {
                return kv.url(i, path);
            }

            @Override
            public JsonNode status(int i) {
                return kv.status(i).orElseThrow(() -> new IllegalStateException("r" + (i + 1) + " does not answer /br2k/status"));
            }

            @Override
            public void stop(int i) {
                kv.stop(i);
            }

            @Override
            public void start(int i) {
                kv.start(i, env);
            }

            @Override
            public OptionalLong pid(int i) {
                return kv.process(i).map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
            }

            @Override
            public void close() {
                kv.close();
            }
        };
    }
}
