package dev.br2k.replication;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a replica reads ({@link Br2kConfig#fromEnvironment}), written down once:
 * process supervisors and manifests (local processes, Kubernetes pods) set only these.
 */
public final class Br2kEnvironment {
    /** Every variable {@link #apply} reads. */
    public static final List<String> VARIABLES = List.of("BR2K_SERVICE", "BR2K_REPLICA_ID", "BR2K_ETCD_ENDPOINTS",
            "BR2K_HTTP_HOST", "BR2K_HTTP_PORT", "BR2K_ADVERTISE_URL", "BR2K_STATE_DIR", "BR2K_BACKUP_DIR",
            "BR2K_LOCATION_FILE", "BR2K_BACKUP_LOG_FILE", "BR2K_BACKUP_EVERY_ENTRIES", "BR2K_MAX_BODY_BYTES",
            "BR2K_ROLE_CHECK_MILLIS", "BR2K_FOLLOWER_APPLY_GAP_MILLIS", "BR2K_ETCD_DEFRAG_MIN_MB", "BR2K_ETCD_DEFRAG_CHECK_SECONDS",
            "BR2K_ADMIN_TOKEN_FILE", "BR2K_ADMIN_TOKEN",
            "BR2K_BACKUP_LOG_KEY_FILE",
            // etcd client TLS and authentication
            "BR2K_ETCD_CA_FILE", "BR2K_ETCD_CERT_FILE", "BR2K_ETCD_KEY_FILE", "BR2K_ETCD_USER", "BR2K_ETCD_PASSWORD_FILE");

    /** The crash-point variable older test harnesses set; refused, so that a manifest carrying it fails loudly. */
    private static final String CRASH_AT = "BR2K_CRASH_AT";

    private Br2kEnvironment() {
    }

    /**
     * Sets on {@code config} what {@code env} gives; absent or blank variables leave the current value.
     *
     * @throws IllegalArgumentException naming the variable whose value is malformed
     */
    static Br2kConfig apply(Map<String, String> env, Br2kConfig config) {
        get(env, "BR2K_SERVICE").ifPresent(config::serviceName);
        get(env, "BR2K_REPLICA_ID").ifPresent(config::replicaId);
        get(env, "BR2K_ETCD_ENDPOINTS").ifPresent(v -> config.etcdEndpoints(v.split(",")));
        get(env, "BR2K_HTTP_HOST").ifPresent(config::httpHost);
        get(env, "BR2K_HTTP_PORT").ifPresent(v -> config.httpPort((int) number("BR2K_HTTP_PORT", v)));
        get(env, "BR2K_ADVERTISE_URL").ifPresent(v -> config.advertiseUrl(URI.create(v)));
        get(env, "BR2K_STATE_DIR").ifPresent(v -> config.stateDir(Path.of(v)));
        get(env, "BR2K_BACKUP_DIR").ifPresent(v -> config.backupDir(Path.of(v)));
        get(env, "BR2K_LOCATION_FILE").ifPresent(v -> config.locationFile(Path.of(v)));
        get(env, "BR2K_BACKUP_LOG_FILE").ifPresent(v -> config.backupLogFile(Path.of(v)));
        get(env, "BR2K_BACKUP_LOG_KEY_FILE").ifPresent(v -> config.backupLogKeyFile(Path.of(v)));
        get(env, "BR2K_BACKUP_EVERY_ENTRIES").ifPresent(v -> config.backupEveryEntries(number("BR2K_BACKUP_EVERY_ENTRIES", v)));
        get(env, "BR2K_MAX_BODY_BYTES").ifPresent(v -> config.maxBodyBytes(number("BR2K_MAX_BODY_BYTES", v)));
        get(env, "BR2K_ROLE_CHECK_MILLIS").ifPresent(v ->
                config.roleCheckInterval(Duration.ofMillis(number("BR2K_ROLE_CHECK_MILLIS", v))));
        get(env, "BR2K_FOLLOWER_APPLY_GAP_MILLIS").ifPresent(v -> config.followerApplyGap(Duration.ofMillis(
                within("BR2K_FOLLOWER_APPLY_GAP_MILLIS", v, 0, 1000, "0 (apply at every watch event) or the least time between "
                        + "a follower's catch-ups, in milliseconds"))));
        get(env, "BR2K_ETCD_DEFRAG_MIN_MB").ifPresent(v ->
                config.defragmentMinBytes(within("BR2K_ETCD_DEFRAG_MIN_MB", v, 0, 1 << 20,
                        "0 (off) or the smallest database file worth defragmenting, in MiB") << 20));
        get(env, "BR2K_ETCD_DEFRAG_CHECK_SECONDS").ifPresent(v -> config.defragmentCheckEvery(Duration.ofSeconds(
                within("BR2K_ETCD_DEFRAG_CHECK_SECONDS", v, 1, 86_400, "how often to check the etcd database file, in seconds"))));
        get(env, "BR2K_ADMIN_TOKEN_FILE").ifPresent(v -> config.adminTokenFile(Path.of(v)));
        get(env, "BR2K_ADMIN_TOKEN").ifPresent(config::adminToken);
        applyEtcdAccess(env, config);
        if (env.containsKey(CRASH_AT)) {
            throw new IllegalArgumentException(CRASH_AT + " is a test hook that replicas never read from their environment: "
                    + "remove it from this replica's environment (core-replication's tests set crash points through a "
                    + "test-only launcher, never through a variable)");
        }
        return config;
    }

    /** BR2K_ETCD_CA_FILE, BR2K_ETCD_CERT_FILE + BR2K_ETCD_KEY_FILE (both or neither), BR2K_ETCD_USER + BR2K_ETCD_PASSWORD_FILE. */
    private static void applyEtcdAccess(Map<String, String> env, Br2kConfig config) {
        get(env, "BR2K_ETCD_CA_FILE").ifPresent(v -> config.etcdCaFile(Path.of(v)));
        Optional<String> cert = get(env, "BR2K_ETCD_CERT_FILE");
        Optional<String> key = get(env, "BR2K_ETCD_KEY_FILE");
        if (cert.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(cert.isPresent()
                    ? "BR2K_ETCD_CERT_FILE is set but BR2K_ETCD_KEY_FILE is not: set it to the client certificate's private key"
                    : "BR2K_ETCD_KEY_FILE is set but BR2K_ETCD_CERT_FILE is not: set it to the client certificate");
        }
        cert.ifPresent(c -> config.etcdClientCertificate(Path.of(c), Path.of(key.get())));
        Optional<String> user = get(env, "BR2K_ETCD_USER");
        Optional<String> passwordFile = get(env, "BR2K_ETCD_PASSWORD_FILE");
        if (user.isPresent() != passwordFile.isPresent()) {
            throw new IllegalArgumentException(user.isPresent()
                    ? "BR2K_ETCD_USER is set but BR2K_ETCD_PASSWORD_FILE is not: set it to a file holding the user's password"
                    : "BR2K_ETCD_PASSWORD_FILE is set but BR2K_ETCD_USER is not: set it to the etcd user the password belongs to");
        }
        user.ifPresent(u -> config.etcdAuth(u, Path.of(passwordFile.get())));
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static long within(String variable, String value, long min, long max, String meaning) {
        long n = number(variable, value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(variable + " must be " + meaning + " (" + min + " to " + max + "), was " + n);
        }
        return n;
    }

    private static long number(String variable, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, was '" + value + "'");
        }
    }
}
