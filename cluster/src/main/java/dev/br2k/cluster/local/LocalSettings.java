package dev.br2k.cluster.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What every part of a {@link LocalCluster} shares: the service, where its files are, and the settings it was built with.
 *
 * @param launch       how to start a service process; needed to deploy, not to inspect or stop
 * @param startTimeout how long to wait for an etcd member to join or a service to answer
 */
record LocalSettings(String service, LocalLayout layout, StateFile stateFile, Optional<LaunchSpec> launch,
                     Path etcdBinary, int maxReplicas, Duration startTimeout) {
}
