package dev.br2k.replication.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A replica's own progress writes against a real etcd. A write whose outcome was unknown to the replica (its
 * wait timed out or was abandoned) may still reach etcd later; the tests send such a write by hand, as the
 * recorder prepared it, after the writes that followed it.
 */
class ProgressRecorderIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    private static final AtomicInteger SERVICES = new AtomicInteger();
    private static Client client;
    private static Etcd kv;

    @BeforeAll
    static void connect() {
        client = Client.builder().endpoints(etcd.clientUrls().get(0)).build();
        kv = new Etcd(client.getKVClient(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void a_write_from_before_a_restore_that_lands_after_it_does_not_put_the_old_lpi_back() {
        KeyLayout keys = new KeyLayout("progress" + SERVICES.incrementAndGet());
        ProgressRecorder recorder = recorder(keys);
        recorder.record(140, 1);
        ProgressRecorder.Write lost = recorder.prepare(150, 1); // sent, then the wait for it gave up

        recorder.record(0, 2); // restored a backup as Learner: state version 2 from index 0
        kv.txn(lost.compares(), lost.ops()); // the old write reaches etcd after all

        assertThat(value(keys.lpi("r1"))).isEqualTo("0");
        assertThat(value(keys.ssv("r1"))).isEqualTo("2");
    }

    @Test
    void a_write_of_a_previous_process_that_lands_late_does_not_roll_back_the_new_process() {
        KeyLayout keys = new KeyLayout("progress" + SERVICES.incrementAndGet());
        ProgressRecorder killed = recorder(keys);
        killed.record(10, 1);
        ProgressRecorder.Write inFlight = killed.prepare(20, 1);

        ProgressRecorder restarted = recorder(keys);
        restarted.record(30, 1);
        kv.txn(inFlight.compares(), inFlight.ops());

        assertThat(value(keys.lpi("r1"))).isEqualTo("30");
    }

    @Test
    void a_write_that_landed_unseen_or_a_leader_commit_of_lpi_does_not_stop_the_next_write() {
        KeyLayout keys = new KeyLayout("progress" + SERVICES.incrementAndGet());
        ProgressRecorder recorder = recorder(keys);
        recorder.record(5, 1);
        ProgressRecorder.Write unseen = recorder.prepare(7, 1);
        assertThat(kv.txn(unseen.compares(), unseen.ops()).isSucceeded()).isTrue(); // landed; the answer was lost

        recorder.record(9, 1);
        assertThat(value(keys.lpi("r1"))).isEqualTo("9");

        kv.txn(List.of(), List.of(Etcd.put(keys.lpi("r1"), "12"))); // this replica's takeover, fenced by `leader`
        recorder.record(13, 1);
        assertThat(value(keys.lpi("r1"))).isEqualTo("13");
    }

    private static ProgressRecorder recorder(KeyLayout keys) {
        return new ProgressRecorder(kv, new ServiceStore(kv, keys), keys, "r1");
    }

    private static String value(String key) {
        return Etcd.str(kv.get(key).orElseThrow().getValue());
    }
}
