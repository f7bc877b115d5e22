package dev.br2k.cluster.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Builder for {@link LocalCluster}. */
public final class LocalClusterBuilder {
    Path baseDir;
    String service;
    LaunchSpec launch;
    Path etcdBinary = LocalCluster.DEFAULT_ETCD;
    int maxReplicas = 7;
    Duration startTimeout = Duration.ofSeconds(60);

    LocalClusterBuilder() {
    }

    /** Directory under which the cluster keeps {@code <service>/}. */
    public LocalClusterBuilder baseDir(Path baseDir) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        return this;
    }

    public LocalClusterBuilder service(String service) {
        Objects.requireNonNull(service, "service");
        if (!service.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("service must be a lower-case DNS label, was \"" + service + "\"");
        }
        this.service = service;
        return this;
    }

    /** How to start a service process; needed to deploy, not to inspect or stop. */
    public LocalClusterBuilder launch(LaunchSpec launch) {
        this.launch = Objects.requireNonNull(launch, "launch");
        return this;
    }

    public LocalClusterBuilder etcdBinary(Path etcdBinary) {
        this.etcdBinary = Objects.requireNonNull(etcdBinary, "etcdBinary");
        return this;
    }

    public LocalClusterBuilder maxReplicas(int maxReplicas) {
        if (maxReplicas < 1) {
            throw new IllegalArgumentException("maxReplicas must be >= 1, was " + maxReplicas);
        }
        this.maxReplicas = maxReplicas;
        return this;
    }

    /** How long to wait for an etcd member to join or a service to answer. */
    public LocalClusterBuilder startTimeout(Duration startTimeout) {
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        return this;
    }

    public LocalCluster build() {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(service, "service");
        return new LocalCluster(this);
    }
}
