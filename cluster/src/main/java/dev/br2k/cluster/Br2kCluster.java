package dev.br2k.cluster;

import java.util.Optional;

/**
 * A BR2K service running as N replicas, each one an etcd member plus a service process. The same
 * operations work on Kubernetes ({@link dev.br2k.cluster.kubernetes.KubernetesCluster}) and on local
 * processes ({@link dev.br2k.cluster.local.LocalCluster}).
 *
 * <p>Every mutating operation is idempotent: it compares what exists with what should exist and only
 * does the difference, so it can be re-run after a crash half-way. Each step is reported to the given
 * {@link ProgressListener} before and after it runs. Failures throw a {@link ClusterException} whose
 * message says which step failed and what to do; the steps before it stay done and a re-run continues.
 */
public interface Br2kCluster extends AutoCloseable {

    /** The service name, as in the etcd key prefix {@code /br2k/<service>/}. */
    String service();

    /**
     * Deploys the service ("spray") with {@code replicas} replicas, or brings a paused service back at
     * its previous size. Re-running it on a running service changes nothing.
     */
    OperationResult deploy(int replicas, ProgressListener listener);

    /** The replicas, their processes or pods, and the replication status read from each replica and from etcd. */
    ServiceState state();

    /** Adds {@code count} replicas: etcd member add first, then the replica is started. */
    OperationResult add(int count, ProgressListener listener);

    /** Removes {@code count} replicas, highest index first: etcd member remove first, then the replica is stopped. */
    OperationResult reduce(int count, ProgressListener listener);

    /** Stops every replica and keeps their data; {@link #deploy} resumes. */
    OperationResult pause(ProgressListener listener);

    /**
     * Replaces failed replicas (they rejoin and restore as Learners). When nothing of the service is
     * left, redeploys it from {@code source}'s recovery information so that the replicas restore the
     * newest backup.
     */
    OperationResult recover(RecoverySource source, ProgressListener listener);

    /**
     * Streams the log of one replica's container ({@code service} or {@code etcd}). The stream
     * reconnects by itself; when it cannot prove that no line was lost it says so through
     * {@link LogListener#onGap}. Close the returned stream to stop.
     */
    LogStream logs(String replica, LogOptions options, LogListener listener);

    /** The replica with this name, if the service has it. */
    default Optional<ReplicaState> replica(String name) {
        return state().replicas().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Releases clients and background threads. It does not stop the service. */
    @Override
    void close();
}
