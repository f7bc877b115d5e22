package dev.br2k.replication;

import dev.br2k.replication.backup.BackupLog;
import dev.br2k.replication.backup.BackupStore;
import dev.br2k.replication.backup.DirectoryBackupStore;
import dev.br2k.replication.backup.FileBackupLog;
import dev.br2k.replication.location.FileLocationPublisher;
import dev.br2k.replication.location.LocationPublisher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of one replica, filled in by the {@code config -> ...} lambda of {@link Br2kApp#create}
 * (or from environment variables with {@link #fromEnvironment}) and checked when the app starts.
 *
 * <p>Required: {@link #serviceName}, {@link #replicaId}, {@link #etcdEndpoints} (the co-located member
 * first) and {@link #stateDir}. Files shared by the replicas of a service on one machine default to
 * siblings of the state directory: {@code br2k-backups/}, {@code br2k-location.json},
 * {@code br2k-backup-log.jsonl}.
 */
public final class Br2kConfig {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REPLICA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private String serviceName;
    private String replicaId;
    private List<URI> etcdEndpoints = List.of();
    private String httpHost = "127.0.0.1";
    private int httpPort = 0;
    private URI advertiseUrl;
    private Path stateDir;
    private Path backupDir;
    private Path locationFile;
    private Path backupLogFile;
    private LocationPublisher locationPublisher;
    private BackupLog backupLog;
    private BackupStore backupStore;
    private StateHooks stateHooks = StateHooks.copyDirectory();
    private long maxBodyBytes = 1 << 20;
    private Duration roleCheckInterval = Duration.ofMillis(200);
    private Duration followerApplyGap = Duration.ofMillis(20);
    private Duration etcdTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long backupEveryEntries = 0;
    private long defragmentMinBytes = 64L << 20;
    private Duration defragmentCheckEvery = Duration.ofMinutes(5);
    private Duration backupEvery = Duration.ZERO;
    private Duration backupWaitTimeout = Duration.ofSeconds(10);
    private int maxBatch = 32;
    private boolean pipelining = false;
    private final Map<Long, CrashPoint> crashPoints = new java.util.TreeMap<>();

    /**
     * Reads the settings a process supervisor passes (module README has the list): BR2K_SERVICE,
     * BR2K_REPLICA_ID, BR2K_ETCD_ENDPOINTS (comma-separated, co-located member first), BR2K_HTTP_HOST,
     * BR2K_HTTP_PORT, BR2K_ADVERTISE_URL, BR2K_STATE_DIR, BR2K_BACKUP_DIR, BR2K_LOCATION_FILE,
     * BR2K_BACKUP_LOG_FILE, and the optional BR2K_BACKUP_EVERY_ENTRIES, BR2K_MAX_BODY_BYTES,
     * BR2K_ROLE_CHECK_MILLIS, BR2K_FOLLOWER_APPLY_GAP_MILLIS (0 = none), BR2K_ETCD_DEFRAG_MIN_MB (0 = off), BR2K_ETCD_DEFRAG_CHECK_SECONDS: the list is {@link Br2kEnvironment#VARIABLES}. Variables that are absent leave the
     * current value.
     *
     * @throws IllegalArgumentException naming the variable whose value is malformed, or if BR2K_CRASH_AT (a test
     *                                  hook that is never read from the environment) is set
     */
    public Br2kConfig fromEnvironment(Map<String, String> env) {
        return Br2kEnvironment.apply(env, this);
    }

    public Br2kConfig serviceName(String name) {
        if (!NAME.matcher(Objects.requireNonNull(name, "serviceName")).matches()) {
            throw new IllegalArgumentException("serviceName must be lower-case letters, digits and '-', was '" + name + "'");
        }
        this.serviceName = name;
        return this;
    }

    public Br2kConfig replicaId(String id) {
        if (!REPLICA.matcher(Objects.requireNonNull(id, "replicaId")).matches()) {
            throw new IllegalArgumentException("replicaId must be letters, digits, '.', '_' and '-', was '" + id + "'");
        }
        this.replicaId = id;
        return this;
    }

    /** The etcd client URLs, the member co-located with this replica first. */
    public Br2kConfig etcdEndpoints(String... endpoints) {
        return etcdEndpoints(Arrays.stream(endpoints).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList());
    }

    public Br2kConfig etcdEndpoints(List<URI> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("etcdEndpoints must name at least the co-located etcd member");
        }
        this.etcdEndpoints = List.copyOf(endpoints);
        return this;
    }

    public Br2kConfig httpHost(String host) {
        this.httpHost = Objects.requireNonNull(host, "httpHost");
        return this;
    }

    /** 0 (the default) picks a free port. */
    public Br2kConfig httpPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("httpPort must be 0..65535, was " + port);
        }
        this.httpPort = port;
        return this;
    }

    /** The URL clients are redirected to; defaults to {@code http://<httpHost>:<port>}. */
    public Br2kConfig advertiseUrl(URI url) {
        this.advertiseUrl = Objects.requireNonNull(url, "advertiseUrl");
        return this;
    }

    public Br2kConfig stateDir(Path dir) {
        this.stateDir = Objects.requireNonNull(dir, "stateDir").toAbsolutePath();
        return this;
    }

    public Br2kConfig backupDir(Path dir) {
        this.backupDir = Objects.requireNonNull(dir, "backupDir").toAbsolutePath();
        return this;
    }

    public Br2kConfig locationFile(Path file) {
        this.locationFile = Objects.requireNonNull(file, "locationFile").toAbsolutePath();
        return this;
    }

    public Br2kConfig backupLogFile(Path file) {
        this.backupLogFile = Objects.requireNonNull(file, "backupLogFile").toAbsolutePath();
        return this;
    }

    // --- backup log key (issue 20, item 10) ---
    private Path backupLogKeyFile;

    /**
     * The key file of the file backup log (its records are encrypted and authenticated under it, see
     * {@link FileBackupLog}); default {@code <backup log file>.key}. Every replica of the service needs the same
     * file; keep it where whoever can write the backup directory cannot read it.
     */
    public Br2kConfig backupLogKeyFile(Path file) {
        this.backupLogKeyFile = Objects.requireNonNull(file, "backupLogKeyFile").toAbsolutePath();
        return this;
    }

    public Path backupLogKeyFile() {
        return backupLogKeyFile != null ? backupLogKeyFile : FileBackupLog.defaultKeyFile(backupLogFile());
    }
    // --- end of backup log key ---

    /** Replaces the file publisher (e.g. with the service registry's). */
    public Br2kConfig locationPublisher(LocationPublisher publisher) {
        this.locationPublisher = Objects.requireNonNull(publisher, "locationPublisher");
        return this;
    }

    /** Replaces the file backup log (e.g. with the service registry's). */
    public Br2kConfig backupLog(BackupLog log) {
        this.backupLog = Objects.requireNonNull(log, "backupLog");
        return this;
    }

    /** Replaces the directory backup store. */
    public Br2kConfig backupStore(BackupStore store) {
        this.backupStore = Objects.requireNonNull(store, "backupStore");
        return this;
    }

    public Br2kConfig stateHooks(StateHooks hooks) {
        this.stateHooks = Objects.requireNonNull(hooks, "stateHooks");
        return this;
    }

    /**
     * The least time between a follower's catch-ups that a watch event starts (default 20 ms; 0 = one at every
     * event): an event that comes sooner waits out the rest, and the catch-up then reads and applies whatever the
     * leader committed meanwhile in one read. It bounds each follower's reads of etcd to 50 a second under load at
     * the price of at most that much lag; on a 2-core machine it raised BR2K's rate at 1 client by a fifth (the
     * module README, "Fewer follower reads").
     */
    public Br2kConfig followerApplyGap(Duration gap) {
        if (gap == null || gap.isNegative() || gap.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("followerApplyGap must be 0 to 1 s, was " + gap);
        }
        this.followerApplyGap = gap;
        return this;
    }

    /** Larger request bodies get 413 and are not logged. Default 1 MiB; at most 1 MiB (etcd's request limit). */
    public Br2kConfig maxBodyBytes(long bytes) {
        if (bytes < 1 || bytes > (1 << 20)) {
            throw new IllegalArgumentException("maxBodyBytes must be 1..1048576, was " + bytes);
        }
        this.maxBodyBytes = bytes;
        return this;
    }

    public Br2kConfig roleCheckInterval(Duration interval) {
        this.roleCheckInterval = positive(interval, "roleCheckInterval");
        return this;
    }

    /** Timeout of every etcd call; a leader whose guarded write times out steps down. Default 5 s. */
    public Br2kConfig etcdTimeout(Duration timeout) {
        this.etcdTimeout = positive(timeout, "etcdTimeout");
        return this;
    }

    /** How long a client waits for its entry to be recorded before it gets 503. Default 30 s. */
    public Br2kConfig requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /** Back up and compact when the log reaches this many entries; 0 (default) never. */
    public Br2kConfig backupEveryEntries(long entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("backupEveryEntries must be >= 0, was " + entries);
        }
        this.backupEveryEntries = entries;
        return this;
    }

    /** Back up and compact this often; zero (default) never. */
    public Br2kConfig backupEvery(Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("backupEvery must not be negative, was " + period);
        }
        this.backupEvery = period;
        return this;
    }

    /**
     * The smallest etcd database file worth defragmenting (when at most half of it is in use); 0 turns the replica's
     * defragmentation of its etcd member off. Default 64 MiB.
     */
    public Br2kConfig defragmentMinBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("defragmentMinBytes must be >= 0 (0 turns it off), was " + bytes);
        }
        this.defragmentMinBytes = bytes;
        return this;
    }

    /** How often the replica checks its etcd member's database file. Default 5 min. */
    public Br2kConfig defragmentCheckEvery(Duration period) {
        this.defragmentCheckEvery = positive(period, "defragmentCheckEvery");
        return this;
    }

    /** How long a backup waits for live followers to catch up before it leaves them to recover. Default 10 s. */
    public Br2kConfig backupWaitTimeout(Duration timeout) {
        this.backupWaitTimeout = positive(timeout, "backupWaitTimeout");
        return this;
    }

    /** Most entries the leader appends in one etcd transaction (1..32). Default 32. */
    public Br2kConfig maxBatch(int entries) {
        if (entries < 1 || entries > 32) {
            throw new IllegalArgumentException("maxBatch must be 1..32 (etcd allows 128 operations per transaction), was " + entries);
        }
        this.maxBatch = entries;
        return this;
    }

    /**
     * Whether the leader sends a group's commit while the one before it is unconfirmed (spec §1.4 pipelining).
     * Default off: measured on a shared 2-core machine it made groups smaller (0.18-0.20 leader writes per
     * request at 16 clients instead of 0.12, etcd proposals 0.25-0.27 per request instead of 0.19) without a
     * throughput gain, since CPU and not waiting bounded the throughput there. It overlaps a group's handlers
     * with the commit before it, which pays where the etcd round trip, not CPU, is the bottleneck.
     */
    public Br2kConfig pipelining(boolean on) {
        this.pipelining = on;
        return this;
    }

    /**
     * Tests only: halt the process when the leader reaches {@code point} for log index {@code index}.
     * May be called for several indices. Package-private on purpose: only this package's own tests (and their
     * test-only launcher of real processes) can set a crash point; no environment variable, manifest or service
     * code outside the package can.
     */
    Br2kConfig crashAt(CrashPoint point, long index) {
        Objects.requireNonNull(point, "point");
        if (index < 1) {
            throw new IllegalArgumentException("crash index must be >= 1, was " + index);
        }
        crashPoints.put(index, point);
        return this;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    // --- etcd client TLS and authentication (issue 20 item 9) ---
    private Path etcdCaFile;
    private Path etcdCertFile;
    private Path etcdKeyFile;
    private String etcdUser;
    private Path etcdPasswordFile;

    /**
     * The PEM file of the CA that signed etcd's server certificates (etcd's {@code --trusted-ca-file} side, etcdctl's
     * {@code --cacert}); without it, https endpoints are checked against the JVM's trusted CAs. Read when the app
     * starts. Environment: {@code BR2K_ETCD_CA_FILE}.
     */
    public Br2kConfig etcdCaFile(Path file) {
        this.etcdCaFile = Objects.requireNonNull(file, "etcdCaFile").toAbsolutePath();
        return this;
    }

    /**
     * The client certificate and its private key (PEM; the key as PKCS#8, SEC1 {@code EC PRIVATE KEY} or PKCS#1
     * {@code RSA PRIVATE KEY}, unencrypted) that etcd with {@code --client-cert-auth} requires, as etcdctl's
     * {@code --cert}/{@code --key}. Read and checked to be a pair when the app starts. Environment:
     * {@code BR2K_ETCD_CERT_FILE}, {@code BR2K_ETCD_KEY_FILE}.
     */
    public Br2kConfig etcdClientCertificate(Path certFile, Path keyFile) {
        this.etcdCertFile = Objects.requireNonNull(certFile, "certFile").toAbsolutePath();
        this.etcdKeyFile = Objects.requireNonNull(keyFile, "keyFile").toAbsolutePath();
        return this;
    }

    /**
     * etcd's user and a file holding its password (surrounding whitespace and the final newline ignored), for etcd
     * with authentication enabled. The password is read when the app starts. Environment: {@code BR2K_ETCD_USER},
     * {@code BR2K_ETCD_PASSWORD_FILE}.
     */
    public Br2kConfig etcdAuth(String user, Path passwordFile) {
        if (Objects.requireNonNull(user, "user").isBlank()) {
            throw new IllegalArgumentException("etcd user must not be blank");
        }
        this.etcdUser = user.strip();
        this.etcdPasswordFile = Objects.requireNonNull(passwordFile, "passwordFile").toAbsolutePath();
        return this;
    }

    public Optional<Path> etcdCaFile() {
        return Optional.ofNullable(etcdCaFile);
    }

    public Optional<Path> etcdCertFile() {
        return Optional.ofNullable(etcdCertFile);
    }

    public Optional<Path> etcdKeyFile() {
        return Optional.ofNullable(etcdKeyFile);
    }

    public Optional<String> etcdUser() {
        return Optional.ofNullable(etcdUser);
    }

    public Optional<Path> etcdPasswordFile() {
        return Optional.ofNullable(etcdPasswordFile);
    }
    // --- end of etcd client TLS and authentication ---

    /** Checks that the required settings are there. */
    void validate() {
        List<String> missing = new java.util.ArrayList<>();
        if (serviceName == null) {
            missing.add("serviceName (BR2K_SERVICE)");
        }
        if (replicaId == null) {
            missing.add("replicaId (BR2K_REPLICA_ID)");
        }
        if (etcdEndpoints.isEmpty()) {
            missing.add("etcdEndpoints (BR2K_ETCD_ENDPOINTS)");
        }
        if (stateDir == null) {
            missing.add("stateDir (BR2K_STATE_DIR)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("BR2K cannot start: set " + String.join(", ", missing));
        }
    }

    public String serviceName() {
        return serviceName;
    }

    public String replicaId() {
        return replicaId;
    }

    public List<URI> etcdEndpoints() {
        return etcdEndpoints;
    }

    public String httpHost() {
        return httpHost;
    }

    public int httpPort() {
        return httpPort;
    }

    public Optional<URI> advertiseUrl() {
        return Optional.ofNullable(advertiseUrl);
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path backupDir() {
        return backupDir != null ? backupDir : stateDir.resolveSibling("br2k-backups");
    }

    public Path locationFile() {
        return locationFile != null ? locationFile : stateDir.resolveSibling("br2k-location.json");
    }

    public Path backupLogFile() {
        return backupLogFile != null ? backupLogFile : stateDir.resolveSibling("br2k-backup-log.jsonl");
    }

    public LocationPublisher locationPublisher() {
        return locationPublisher != null ? locationPublisher : new FileLocationPublisher(locationFile());
    }

    public BackupLog backupLog() {
        return backupLog != null ? backupLog : new FileBackupLog(backupLogFile(), backupLogKeyFile());
    }

    public BackupStore backupStore() {
        return backupStore != null ? backupStore : new DirectoryBackupStore(backupDir());
    }

    public StateHooks stateHooks() {
        return stateHooks;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public Duration roleCheckInterval() {
        return roleCheckInterval;
    }

    public Duration followerApplyGap() {
        return followerApplyGap;
    }

    public Duration etcdTimeout() {
        return etcdTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public long backupEveryEntries() {
        return backupEveryEntries;
    }

    public long defragmentMinBytes() {
        return defragmentMinBytes;
    }

    public Duration defragmentCheckEvery() {
        return defragmentCheckEvery;
    }

    public Duration backupEvery() {
        return backupEvery;
    }

    public Duration backupWaitTimeout() {
        return backupWaitTimeout;
    }

    public int maxBatch() {
        return maxBatch;
    }

    public boolean pipelining() {
        return pipelining;
    }

    /** The crash points set for tests: log index to point. */
    public Map<Long, CrashPoint> crashPoints() {
        return Map.copyOf(crashPoints);
    }

    // --- admin credential (issue 20 item 7): POST /br2k/backup and GET /metrics need it ---
    private Path adminTokenFile;
    private String adminToken;

    /**
     * The file holding the admin token ({@code BR2K_ADMIN_TOKEN_FILE}; preferred: a mounted Secret, a 0600 file), read
     * once when the app starts. Admin routes then need {@code Authorization: Bearer <token>}. With neither this nor
     * {@link #adminToken} they answer 403: admin routes are never open by default.
     */
    public Br2kConfig adminTokenFile(Path file) {
        this.adminTokenFile = Objects.requireNonNull(file, "adminTokenFile");
        return this;
    }

    /**
     * The admin token itself ({@code BR2K_ADMIN_TOKEN}), at least 16 characters; {@link #adminTokenFile} wins when
     * both are set. Prefer the file: other local users may read a process's environment.
     */
    public Br2kConfig adminToken(String token) {
        Objects.requireNonNull(token, "adminToken");
        if (token.strip().length() < 16) {
            throw new IllegalArgumentException("adminToken must be at least 16 characters (e.g. 32 random bytes in hex)");
        }
        this.adminToken = token.strip();
        return this;
    }

    public Optional<Path> adminTokenFile() {
        return Optional.ofNullable(adminTokenFile);
    }

    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }
}
