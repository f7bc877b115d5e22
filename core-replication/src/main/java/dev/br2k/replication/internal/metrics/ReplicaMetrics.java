package dev.br2k.replication.internal.metrics;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.protocol.Role;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.internal.ReplicaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The replica's Prometheus metrics: {@code br2k_role{role}} (1 for the current role), {@code br2k_lpi},
 * {@code br2k_ssi}, {@code br2k_lag} (ssi - lpi), {@code br2k_state_version},
 * {@code br2k_requests_total{type,status}}, {@code br2k_duplicate_requests_total},
 * {@code br2k_failovers_total} (times this replica became leader), {@code br2k_backups_total},
 * {@code br2k_recoveries_total}; on the leader, histograms of {@code br2k_leader_write_seconds} (each guarded
 * transaction of the request path: how fast etcd's consensus and disk are), {@code br2k_handler_seconds}
 * (each entry's handler) and {@code br2k_leader_request_seconds{type}} (from a request reaching the
 * leader's pipeline to its answer being ready). All carry {@code service} and {@code replica} tags.
 */
public final class ReplicaMetrics {
    /** Histogram buckets of the latency timers: a consensus write on a fast disk takes 1-5 ms. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter failovers;
    private final Counter backups;
    private final Counter recoveries;
    private final Counter duplicates;
    private final Counter pipelined;
    private final Timer leaderWrites;
    private final Timer handlers;
    private final Map<RouteType, Timer> leaderRequests = new EnumMap<>(RouteType.class);

    public ReplicaMetrics(Br2kConfig config, ReplicaState state) {
        registry.config().commonTags("service", config.serviceName(), "replica", config.replicaId());
        for (Role role : Role.values()) {
            Gauge.builder("br2k_role", state, r -> r.role() == role ? 1 : 0)
                    .description("1 for the role this replica has now").tag("role", role.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("br2k_lpi", state, ReplicaState::lpi).description("latest processed index of this replica").register(registry);
        Gauge.builder("br2k_ssi", state, ReplicaState::ssi).description("service state index last seen").register(registry);
        Gauge.builder("br2k_lag", state, r -> Math.max(0, r.ssi() - r.lpi()))
                .description("entries this replica still has to apply").register(registry);
        Gauge.builder("br2k_state_version", state, ReplicaState::ssv).description("state version of the local state").register(registry);
        Gauge.builder("br2k_log_size", state, ReplicaState::logSize).description("entries in the current log").register(registry);
        failovers = Counter.builder("br2k_failovers").description("times this replica became leader").register(registry);
        backups = Counter.builder("br2k_backups").description("backups this replica made as leader").register(registry);
        recoveries = Counter.builder("br2k_recoveries").description("times this replica restored a backup").register(registry);
        duplicates = Counter.builder("br2k_duplicate_requests")
                .description("retried requests answered from the stored response").register(registry);
        pipelined = Counter.builder("br2k_leader_pipelined_commits")
                .description("leader commits sent while the one before them was not yet confirmed").register(registry);
        leaderWrites = latency(Timer.builder("br2k_leader_write")
                .description("guarded etcd transactions of the leader's request path (append, IN_PROCESS, result)"));
        handlers = latency(Timer.builder("br2k_handler").description("handler runs of entries on the leader"));
        for (RouteType type : RouteType.values()) {
            leaderRequests.put(type, latency(Timer.builder("br2k_leader_request").tag("type", type.name().toLowerCase(Locale.ROOT))
                    .description("from a request reaching the leader's pipeline to its answer being ready")));
        }
    }

    private Timer latency(Timer.Builder builder) {
        return builder.serviceLevelObjectives(BUCKETS).register(registry);
    }

    public void leaderWrite(long nanos) {
        leaderWrites.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void pipelinedCommit() {
        pipelined.increment();
    }

    public void handler(long nanos) {
        handlers.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void leaderRequest(RouteType type, long nanos) {
        leaderRequests.get(type).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void request(RouteType type, EntryStatus status) {
        registry.counter("br2k_requests", "type", type.name().toLowerCase(Locale.ROOT),
                "status", status.name().toLowerCase(Locale.ROOT)).increment();
    }

    public void failover() {
        failovers.increment();
    }

    public void backup() {
        backups.increment();
    }

    public void recovered() {
        recoveries.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }

    public String scrape() {
        return registry.scrape();
    }
}
