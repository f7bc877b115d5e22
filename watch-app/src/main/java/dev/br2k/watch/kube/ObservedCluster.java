package dev.br2k.watch.kube;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ServiceState;

import java.util.Objects;

/**
 * A cluster the Watch reads (state, logs) but does not change: a Kubernetes deployment found through a
 * kubeconfig context whose deployment context could not be read back and checked (no ConfigMap
 * {@code <svc>-context}, or one whose hash is not the registry's {@code contextHash}). Scaling and recovery
 * re-apply the service's objects from its deployment context; done with a guessed one they would roll the
 * StatefulSet. So they throw, saying why and what fixes it.
 */
public final class ObservedCluster implements Br2kCluster {

    private final Br2kCluster delegate;
    private final String where;
    private final String why;

    /**
     * @param where where the service runs, for messages, e.g. {@code context "lab", namespace "br2k"}
     * @param why   why its deployment context is not usable, with the fix
     */
    public ObservedCluster(Br2kCluster delegate, String where, String why) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.where = Objects.requireNonNull(where, "where");
        this.why = Objects.requireNonNull(why, "why");
    }

    /** Why operations are refused: sentences for the service page. */
    public String reason() {
        return service() + " runs on Kubernetes (" + where + "): the Watch shows its replicas and logs, but ADD, REDUCE and "
                + "RECOVERY need its deployment context. " + why;
    }

    private ClusterException refused(String operation) {
        return new ClusterException(operation + " of " + service() + " is not done from a kubeconfig context: " + reason());
    }

    @Override
    public String service() {
        return delegate.service();
    }

    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        throw refused("Deploy");
    }

    @Override
    public ServiceState state() {
        return delegate.state();
    }

    @Override
    public OperationResult add(int count, ProgressListener listener) {
        throw refused("ADD");
    }

    @Override
    public OperationResult reduce(int count, ProgressListener listener) {
        throw refused("REDUCE");
    }

    @Override
    public OperationResult pause(ProgressListener listener) {
        throw refused("Pause");
    }

    @Override
    public OperationResult recover(RecoverySource source, ProgressListener listener) {
        throw refused("RECOVERY");
    }

    @Override
    public LogStream logs(String replica, LogOptions options, LogListener listener) {
        return delegate.logs(replica, options, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
