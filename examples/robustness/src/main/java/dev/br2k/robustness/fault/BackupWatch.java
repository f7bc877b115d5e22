package dev.br2k.robustness.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Sees a backup begin: the leader sets {@code service-state} to -1 while it backs up (spec §1.6). Reads
 * the key every 20 ms from etcd (a backup holds -1 for at least the snapshot and the store, hundreds of
 * milliseconds).
 */
final class BackupWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final Client client;
    private final String prefix;

    BackupWatch(List<String> endpoints, String service) {
        this.client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build();
        this.prefix = "/br2k/" + service + "/";
    }

    /** A backup seen in progress: the leader running it and the state version it backs up. */
    record InProgress(String leader, long stateVersion) {
    }

    /** Waits until a backup is in progress; empty after {@code timeout} or when stopped. */
    Optional<InProgress> awaitBackupStart(Duration timeout, AtomicBoolean stop) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stop.get() && System.nanoTime() < deadline) {
            if (get("service-state").map(v -> v.trim().equals("-1")).orElse(false)) {
                Optional<String> leader = get("leader").flatMap(BackupWatch::leaderId);
                Optional<Long> version = stateVersion();
                if (leader.isPresent() && version.isPresent()) {
                    return Optional.of(new InProgress(leader.get(), version.get()));
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return Optional.empty();
    }

    /** The state version in etcd; empty when it cannot be read. */
    Optional<Long> stateVersion() {
        return get("state-version").map(v -> Long.parseLong(v.trim()));
    }

    private Optional<String> get(String key) {
        try {
            List<KeyValue> kvs = client.getKVClient().get(ByteSequence.from(prefix + key, StandardCharsets.UTF_8))
                    .get(1, TimeUnit.SECONDS).getKvs();
            return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0).getValue().toString(StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<String> leaderId(String json) {
        try {
            String id = JSON.readTree(json).path("id").asText("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
