package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.context.DeploymentContext;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Names and labels of a service's Kubernetes objects; pure functions of the context. */
public final class KubernetesNames {

    public static final String LABEL_NAME = "app.kubernetes.io/name";
    public static final String LABEL_INSTANCE = "app.kubernetes.io/instance";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String ANNOTATION_REPLICAS = "br2k.dev/replicas";
    public static final String ANNOTATION_PAUSED = "br2k.dev/paused";
    public static final String ANNOTATION_DESIRED_HASH = "br2k.dev/desired-hash";
    public static final String SERVICE_CONTAINER = "service";
    public static final String ETCD_CONTAINER = "etcd";
    public static final String STATE_VOLUME = "state";
    public static final String ETCD_VOLUME = "etcd";
    public static final String KEYSTORE_VOLUME = "keystore";
    /** The pod volume of the shared backup store (one ReadWriteMany claim for all pods). */
    public static final String BACKUP_VOLUME = "backups";
    public static final String BACKUP_MOUNT = "/br2k/backups";
    public static final String TLS_VOLUME = "etcd-tls";
    public static final String KEYSTORE_MOUNT = "/br2k/keystore";
    public static final String TLS_MOUNT = "/br2k/etcd-tls";
    /** The admin token Secret's volume, mounted read-only into the service container only. */
    public static final String ADMIN_VOLUME = "admin";
    public static final String ADMIN_MOUNT = "/br2k/admin";
    /** The key of the admin token in the Secret {@link #adminSecret}; the file {@code BR2K_ADMIN_TOKEN_FILE} names. */
    public static final String ADMIN_TOKEN_KEY = "token";
    /**
     * The backup log's key Secret's volume, mounted read-only into the service container only: the log lies on
     * the shared backup volume, and a key beside it would protect nothing from whoever can write that volume.
     */
    public static final String BACKUP_LOG_KEY_VOLUME = "backup-log-key";
    public static final String BACKUP_LOG_KEY_MOUNT = "/br2k/backup-log-key";
    /** The key of the backup log's key in the Secret {@link #backupLogKeySecret}; the file {@code BR2K_BACKUP_LOG_KEY_FILE} names. */
    public static final String BACKUP_LOG_KEY_KEY = "backup-log.key";
    public static final int ETCD_CLIENT_PORT = 2379;
    public static final int ETCD_PEER_PORT = 2380;
    /** etcd's plain-HTTP /health and /metrics when its client port requires TLS ({@code --listen-metrics-urls}). */
    public static final int ETCD_METRICS_PORT = 2381;
    public static final String CONFIG_INITIAL_CLUSTER = "initial-cluster";
    public static final String CONFIG_INITIAL_CLUSTER_STATE = "initial-cluster-state";

    private KubernetesNames() {
    }

    public static Map<String, String> selector(String service) {
        return Map.of(LABEL_NAME, "br2k", LABEL_INSTANCE, service);
    }

    public static Map<String, String> labels(String service) {
        return Map.of(LABEL_NAME, "br2k", LABEL_INSTANCE, service, LABEL_MANAGED_BY, "br2k");
    }

    public static String statefulSet(DeploymentContext ctx) {
        return ctx.service();
    }

    public static String peerService(DeploymentContext ctx) {
        return ctx.service() + "-peers";
    }

    public static String clientService(DeploymentContext ctx) {
        return ctx.service();
    }

    public static String serviceAccount(DeploymentContext ctx) {
        return ctx.service();
    }

    public static String leaderLabelRole(DeploymentContext ctx) {
        return ctx.service() + "-leader-label";
    }

    public static String etcdConfigMap(DeploymentContext ctx) {
        return ctx.service() + "-etcd";
    }

    /** The ReadWriteMany claim every pod mounts at {@link #BACKUP_MOUNT}: backup artifacts and the backup log. */
    public static String backupClaim(DeploymentContext ctx) {
        return ctx.service() + "-backups";
    }

    public static String keystoreSecret(DeploymentContext ctx) {
        return ctx.service() + "-keystore";
    }

    /** The Secret holding the replicas' admin token ({@code GET /metrics}, {@code POST /br2k/backup}). */
    public static String adminSecret(DeploymentContext ctx) {
        return ctx.service() + "-admin";
    }

    /** The Secret holding the key that seals the backup log's records ({@code BR2K_BACKUP_LOG_KEY_FILE}). */
    public static String backupLogKeySecret(DeploymentContext ctx) {
        return ctx.service() + "-backup-log-key";
    }

    public static String registrySecret(DeploymentContext ctx) {
        return ctx.service() + "-registry";
    }

    public static String tlsSecret(DeploymentContext ctx) {
        return ctx.etcdTls().secretName().orElse(ctx.service() + "-etcd-tls");
    }

    public static String pod(DeploymentContext ctx, int index) {
        return ctx.service() + "-" + index;
    }

    public static String claim(String volume, DeploymentContext ctx, int index) {
        return volume + "-" + pod(ctx, index);
    }

    /** The pod's stable DNS name through the headless Service. */
    public static String podHost(DeploymentContext ctx, int index) {
        return pod(ctx, index) + "." + peerService(ctx) + "." + ctx.namespace() + ".svc";
    }

    public static String peerUrl(DeploymentContext ctx, int index) {
        return (ctx.etcdTls().peer() ? "https" : "http") + "://" + podHost(ctx, index) + ":" + ETCD_PEER_PORT;
    }

    public static String clientScheme(DeploymentContext ctx) {
        return ctx.etcdTls().client() ? "https" : "http";
    }

    /** The ordinal of a pod name or peer URL of this service, if it is one. */
    public static Optional<Integer> ordinal(DeploymentContext ctx, String podNameOrUrl) {
        String s = podNameOrUrl;
        if (s.contains("://")) {
            String host = URI.create(s).getHost();
            if (host == null) {
                return Optional.empty();
            }
            s = host.split("\\.", 2)[0];
        }
        String prefix = ctx.service() + "-";
        if (!s.startsWith(prefix) || !s.substring(prefix.length()).matches("[0-9]+")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(s.substring(prefix.length())));
    }
}
