package dev.br2k.replication.internal;

import dev.br2k.replication.internal.log.Etcd;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.watch.WatchEvent;

/**
 * A watch on {@code service-state} that wakes the role loop and remembers the newest value. jetcd
 * watches can go silent after an etcd restart or leader loss (spec §6): a broken watch is dropped and
 * re-created by the role loop, and the loop's periodic full read is the backstop either way.
 */
final class ServiceStateWatch implements AutoCloseable {
    private final ReplicaContext r;
    private volatile Watch.Watcher watcher;
    private volatile ServiceStateSeen latest = new ServiceStateSeen(-1, 0);

    ServiceStateWatch(ReplicaContext replica) {
        this.r = replica;
    }

    ServiceStateSeen latest() {
        return latest;
    }

    void ensure() {
        if (watcher != null) {
            return;
        }
        try {
            watcher = r.client().getWatchClient().watch(Etcd.bs(r.keys().serviceState()), Watch.listener(
                    response -> {
                        response.getEvents().stream()
                                .filter(e -> e.getEventType() == WatchEvent.EventType.PUT)
                                .reduce((a, b) -> b)
                                .ifPresent(e -> latest = new ServiceStateSeen(r.store().decodeServiceState(Etcd.str(e.getKeyValue().getValue())),
                                        e.getKeyValue().getModRevision()));
                        r.wake().poke();
                    },
                    error -> {
                        r.log().debug("service-state watch broke: {}", error.toString());
                        close();
                    },
                    this::close));
        } catch (RuntimeException e) {
            r.log().debug("cannot watch service-state: {}", e.toString());
        }
    }

    @Override
    public void close() {
        Watch.Watcher w = watcher;
        watcher = null;
        if (w != null) {
            try {
                w.close();
            } catch (RuntimeException ignored) {
                // the periodic read is the backstop
            }
        }
    }
}
