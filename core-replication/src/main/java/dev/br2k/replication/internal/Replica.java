package dev.br2k.replication.internal;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.Br2kException;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.replication.internal.access.EtcdPreflight;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.ProgressRecorder;
import dev.br2k.replication.internal.log.ServiceStore;
import dev.br2k.replication.internal.log.StoredResponse;
import dev.br2k.replication.internal.metrics.ReplicaMetrics;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One replica of a BR2K service, as its HTTP front end and {@code Br2kApp} see it: it connects to the co-located
 * etcd member, puts the parts together ({@link ReplicaContext}), and starts the {@link RoleController}, whose role
 * loop does the work, with the background checks beside it (a stale-wait breaker, the defragmenter).
 */
public final class Replica implements AutoCloseable {
    private final Br2kConfig config;
    private final Client client;
    private final EtcdAccess access;
    private final Etcd etcd;
    private final MemberStatusReader statusReader;
    private final ReplicaState state = new ReplicaState();
    private final ReplicaContext context;
    private final RoleController roles;

    public Replica(Br2kConfig config, Map<String, Route> routes) {
        this.config = config;
        KeyLayout keys = new KeyLayout(config.serviceName());
        this.access = EtcdAccess.load(config);
        Optional<String> unreached = access.isPlain() ? Optional.empty() : preflight(config, access);
        // The co-located member only. This replica's role follows that member; a client given every member fell
        // over to another one (pick_first) while its own was down and stayed there after it came back, so each
        // role check then blocked for as long as that other member was frozen or cut off (FailoverIT).
        this.client = access.clientBuilder(List.of(config.etcdEndpoints().get(0)))
                .loadBalancerPolicy("pick_first")
                .connectTimeout(Duration.ofSeconds(2))
                .keepaliveTime(Duration.ofSeconds(5))
                .keepaliveTimeout(Duration.ofSeconds(3))
                // fail fast and retry briefly: jetcd's defaults (wait for a ready channel, retries 0.5-2.5 s
                // apart) kept the role loop blocked for seconds after an etcd member died
                .waitForReady(false)
                .retryDelay(50)
                .retryMaxDelay(250)
                .retryChronoUnit(ChronoUnit.MILLIS)
                .build();
        this.etcd = new Etcd(client.getKVClient(), config.etcdTimeout());
        this.statusReader = new MemberStatusReader(config.etcdEndpoints().get(0),
                Duration.ofMillis(Math.min(1000, config.etcdTimeout().toMillis())), access);
        ServiceStore store = new ServiceStore(etcd, keys);
        ReplicaLog log = new ReplicaLog(Replica.class, config.replicaId(), state::role);
        unreached.ifPresent(note -> log.warn("{}", note));
        this.context = new ReplicaContext(config, keys, access, client, etcd, store,
                new ProgressRecorder(etcd, store, keys, config.replicaId()), log, new ReplicaMetrics(config, state),
                new LocalMeta(config.stateDir(), config.stateHooks().durable()), new ReentrantLock(),
                new EntryRunner(routes, config.stateDir(), log), state, new Wake(),
                new CrashPoints(config.crashPoints(), config.stateDir(), log));
        this.roles = new RoleController(context, statusReader);
    }

    /** Starts the role loop; {@code advertisedUrl} is where this replica's HTTP server is reached. */
    public void start(URI advertisedUrl) {
        LocalMeta meta = context.meta();
        ReplicaLog log = context.log();
        boolean missing = meta.read()
                .map(m -> !m.service().equals(config.serviceName()) || !m.replica().equals(config.replicaId()))
                .orElse(true);
        boolean rebooted = meta.machineRestarted() && !config.stateHooks().durable();
        boolean needsRecovery = missing || meta.applying() || rebooted;
        Role first = needsRecovery ? Role.LEARNER : Role.FOLLOWER;
        log.info("starting at {} (etcd {}); {}", advertisedUrl, config.etcdEndpoints(),
                missing ? "local state is missing: restoring it first"
                        : meta.applying() ? "local state may hold entries etcd never confirmed (I3): restoring it first"
                        : rebooted ? "the machine restarted since this state was written and the service does not declare "
                                + "it durable, so its recorded progress may be ahead of the disk (I5): restoring it first"
                        : "local state found: following the log");
        try {
            meta.recordBootId();
        } catch (IOException e) {
            throw new Br2kException("cannot write " + config.stateDir() + "/.br2k/boot-id: " + e.getMessage()
                    + ". Check that the state directory is writable", e);
        }
        roles.start(first, advertisedUrl);
        new StaleWaitBreaker(roles, etcd, statusReader::read, config.roleCheckInterval(), log, state::running)
                .start("br2k-" + config.replicaId() + "-stale-wait-breaker");
        if (config.defragmentMinBytes() == 0) {
            log.info("defragmenting its etcd member is off (BR2K_ETCD_DEFRAG_MIN_MB=0): run 'etcdctl defrag' on a member "
                    + "whose database keeps growing");
        } else if (config.etcdUser().isPresent()) {
            log.info("etcd authentication is on: this replica leaves defragmenting its etcd member to the operator (it needs "
                    + "the root role): run 'etcdctl defrag' on a member whose database keeps growing");
        } else {
            new EtcdDefragmenter(config.etcdEndpoints().get(0), access, config.etcdTimeout(), etcd, client.getLeaseClient(),
                    context.keys().defragmenting(), config.replicaId(), config.defragmentMinBytes(), log)
                    .start("br2k-" + config.replicaId() + "-defrag", config.defragmentCheckEvery(), state::running);
        }
    }

    private static Optional<String> preflight(Br2kConfig config, EtcdAccess access) {
        try {
            return EtcdPreflight.check(access, config.etcdEndpoints().get(0),
                    Duration.ofMillis(Math.min(2000, config.etcdTimeout().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Br2kException("interrupted while checking the etcd credentials", e);
        }
    }

    /** Submits a request on the leader; throws {@code NotLeaderException} on any other replica. */
    public CompletableFuture<StoredResponse> submit(LogEntry entry, boolean clientRequestId) {
        return roles.submit(entry, clientRequestId);
    }

    /** Asks the leader to back up and compact at the next opportunity; false if this replica does not lead. */
    public boolean requestBackup() {
        return roles.requestBackup();
    }

    /** The leader clients should be sent to: the known one, unless it failed its last probe. */
    public Optional<LeaderValue> answeringLeader() {
        return roles.answeringLeader();
    }

    public Optional<Route> route(HttpMethod method, String path) {
        return context.entries().route(method, path);
    }

    public Br2kConfig config() {
        return config;
    }

    public String id() {
        return config.replicaId();
    }

    /** What this replica knows about itself and the service (role, progress, the known leader). */
    public ReplicaState state() {
        return state;
    }

    public Role role() {
        return state.role();
    }

    public URI url() {
        return state.url();
    }

    public Optional<LeaderValue> knownLeader() {
        return state.knownLeader();
    }

    public ReplicaLog log() {
        return context.log();
    }

    public ReplicaMetrics metrics() {
        return context.metrics();
    }

    @Override
    public void close() {
        roles.close();
        client.close();
        context.log().info("closed");
    }
}
