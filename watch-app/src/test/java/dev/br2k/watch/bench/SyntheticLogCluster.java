package dev.br2k.watch.bench;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ServiceState;

import dev.br2k.watch.backend.ClusterDirectory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real cluster whose one replica's service log is the benchmark's {@link SyntheticLog}: everything
 * else — state, operations, the other replicas' logs, that replica's etcd log — goes to the real one.
 */
final class SyntheticLogCluster implements Br2kCluster {

    private final Br2kCluster real;
    private final String replica;
    private final int rate;
    private final AtomicLong produced;

    SyntheticLogCluster(Br2kCluster real, String replica, int rate, AtomicLong produced) {
        this.real = Objects.requireNonNull(real, "real");
        this.replica = Objects.requireNonNull(replica, "replica");
        this.rate = rate;
        this.produced = Objects.requireNonNull(produced, "produced");
    }

    /** {@code real}, with the cluster of {@code service} wrapped so that {@code replica}'s service log is synthetic. */
    static ClusterDirectory directory(ClusterDirectory real, String service, String replica, int rate, AtomicLong produced) {
        Map<String, Br2kCluster> wrapped = new ConcurrentHashMap<>();
        return new ClusterDirectory() {
            @Override
            public Optional<Br2kCluster> cluster(String serviceName) {
                return real.cluster(serviceName).map(c -> serviceName.equals(service)
                        ? wrapped.computeIfAbsent(serviceName, n -> new SyntheticLogCluster(c, replica, rate, produced)) : c);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Override
    public LogStream logs(String name, LogOptions options, LogListener listener) {
        return name.equals(replica) && options.container().equals(LogOptions.SERVICE) && !options.previous()
                ? SyntheticLog.start(name, listener, rate, produced)
                : real.logs(name, options, listener);
    }

    @Override
    public String service() {
        return real.service();
    }

    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        return real.deploy(replicas, listener);
    }

    @Override
    public ServiceState state() {
        return real.state();
    }

    @Override
    public OperationResult add(int count, ProgressListener listener) {
        return real.add(count, listener);
    }

    @Override
    public OperationResult reduce(int count, ProgressListener listener) {
        return real.reduce(count, listener);
    }

    @Override
    public OperationResult pause(ProgressListener listener) {
        return real.pause(listener);
    }

    @Override
    public OperationResult recover(RecoverySource source, ProgressListener listener) {
        return real.recover(source, listener);
    }

    @Override
    public void close() {
        real.close();
    }
}
