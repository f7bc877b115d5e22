package dev.br2k.robustness.cluster;

import java.util.Map;
import java.util.Objects;

/**
 * How the replicas run.
 *
 * @param replicas         how many replicas (3 or 5): one etcd member and one service process each
 * @param heartbeatMillis  etcd's heartbeat interval
 * @param electionMillis   etcd's election timeout
 * @param roleCheckMillis  how often the runtime checks its role (BR2K_ROLE_CHECK_MILLIS)
 * @param serviceMainClass the service's main class, started with this JVM's class path
 * @param classPath        the class path of the service processes
 * @param serviceEnv       more environment variables for the service processes (e.g. the registry's)
 */
public record ClusterSettings(int replicas, int heartbeatMillis, int electionMillis, int roleCheckMillis,
                              String serviceMainClass, String classPath, Map<String, String> serviceEnv) {
    public ClusterSettings {
        if (replicas != 3 && replicas != 5) {
            throw new IllegalArgumentException("replicas must be 3 or 5, was " + replicas);
        }
        if (heartbeatMillis < 10 || electionMillis < 5 * heartbeatMillis) {
            throw new IllegalArgumentException("need heartbeat >= 10 ms and election timeout >= 5 x heartbeat, was "
                    + heartbeatMillis + "/" + electionMillis);
        }
        if (roleCheckMillis < 10) {
            throw new IllegalArgumentException("roleCheckMillis must be >= 10, was " + roleCheckMillis);
        }
        Objects.requireNonNull(serviceMainClass, "serviceMainClass");
        Objects.requireNonNull(classPath, "classPath");
        serviceEnv = Map.copyOf(serviceEnv);
    }
}
