package dev.br2k.replication.internal.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.op.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leader's in-memory index of recorded request ids, loaded from a real etcd. */
class RequestIdIndexIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    private static final AtomicInteger SERVICES = new AtomicInteger();
    private static Client client;
    private static Etcd kv;

    @BeforeAll
    static void connect() {
        client = Client.builder().endpoints(etcd.clientUrls().get(0)).build();
        kv = new Etcd(client.getKVClient(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void it_knows_the_ids_of_the_current_and_the_previous_state_version_and_no_others() {
        KeyLayout keys = new KeyLayout("ids" + SERVICES.incrementAndGet());
        record(keys, 3, "now-1", "now-2");
        record(keys, 2, "before-1");
        record(keys, 1, "long-ago");

        RequestIdIndex index = RequestIdIndex.load(kv, keys, 3, 100).orElseThrow();

        assertThat(index.mayBeRecorded("now-1")).isTrue();
        assertThat(index.mayBeRecorded("now-2")).isTrue();
        assertThat(index.mayBeRecorded("before-1")).isTrue();
        assertThat(index.mayBeRecorded("long-ago")).as("a backup deleted that version's ids; retries do not read it").isFalse();
        assertThat(index.mayBeRecorded("new")).isFalse();
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void after_a_backup_the_current_ids_become_the_previous_ones_and_a_jump_is_refused() {
        KeyLayout keys = new KeyLayout("ids" + SERVICES.incrementAndGet());
        record(keys, 3, "now-1");
        record(keys, 2, "before-1");
        RequestIdIndex index = RequestIdIndex.load(kv, keys, 3, 100).orElseThrow();
        index.recorded("committed-by-this-leader");

        assertThat(index.movedTo(4)).isTrue();

        assertThat(index.version()).isEqualTo(4);
        assertThat(index.mayBeRecorded("now-1")).isTrue();
        assertThat(index.mayBeRecorded("committed-by-this-leader")).isTrue();
        assertThat(index.mayBeRecorded("before-1")).isFalse();
        assertThat(index.movedTo(6)).as("two versions at once: not a backup this leader made").isFalse();
    }

    @Test
    void more_ids_than_it_may_hold_leave_no_index_and_the_leader_reads_etcd() {
        KeyLayout keys = new KeyLayout("ids" + SERVICES.incrementAndGet());
        record(keys, 5, "a", "b");
        record(keys, 4, "c", "d");

        assertThat(RequestIdIndex.load(kv, keys, 5, 3)).isEmpty();
        assertThat(RequestIdIndex.load(kv, keys, 5, 4)).isPresent();
    }

    @Test
    void ids_beyond_one_page_of_the_read_are_all_loaded() {
        KeyLayout keys = new KeyLayout("ids" + SERVICES.incrementAndGet());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) {
            many.add(String.format("req-%05d", i));
        }
        record(keys, 2, many.toArray(String[]::new));

        Optional<RequestIdIndex> index = RequestIdIndex.load(kv, keys, 2, 20_000);

        assertThat(index).isPresent();
        assertThat(index.get().size()).isEqualTo(12_345);
        assertThat(many).allMatch(index.get()::mayBeRecorded);
    }

    private static void record(KeyLayout keys, long version, String... ids) {
        for (int from = 0; from < ids.length; from += 100) {
            List<Op> puts = new ArrayList<>();
            for (int i = from; i < Math.min(ids.length, from + 100); i++) {
                puts.add(Etcd.put(keys.request(version, ids[i]), "{\"index\":1}"));
            }
            kv.txn(List.of(), puts);
        }
    }
}
