package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.DeleteOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member whose database file is mostly free space after compaction (20 MiB written, deleted and compacted away)
 * is defragmented by its replica's check, one member at a time, against a real 3-member etcd.
 */
class EtcdDefragmenterIT {
    @RegisterExtension
    static final EtcdCluster cluster = EtcdCluster.builder().members(3).build();

    private static final long MIN = 8L << 20;
    private static Client client;
    private static Etcd etcd;
    private static final KeyLayout KEYS = new KeyLayout("defrag");

    @BeforeAll
    static void fillDeleteAndCompact() {
        client = Client.builder().endpoints(cluster.clientUrls().toArray(URI[]::new)).build();
        etcd = new Etcd(client.getKVClient(), Duration.ofSeconds(10));
        byte[] value = new byte[100 * 1024];
        java.util.Arrays.fill(value, (byte) 'x');
        for (int i = 0; i < 200; i++) {
            etcd.put("/garbage/" + i, value);
        }
        var deleted = etcd.await(client.getKVClient().delete(ByteSequence.from("/garbage/", StandardCharsets.UTF_8),
                DeleteOption.builder().isPrefix(true).build()));
        etcd.await(client.getKVClient().compact(deleted.getHeader().getRevision(),
                CompactOption.builder().withCompactPhysical(true).build()));
        // bbolt frees the compacted pages in the commits after the compaction, and etcd commits only when written to
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            etcd.put("/tick", "after the compaction".getBytes(StandardCharsets.UTF_8));
            return cluster.clientUrls().stream().allMatch(url -> {
            try {
                return defragmenter(cluster.clientUrls().indexOf(url), "check").dbSize().orElseThrow().wasteful(MIN);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            });
        });
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void a_member_whose_file_is_mostly_free_space_is_defragmented_and_then_left_alone() throws Exception {
        EtcdDefragmenter member0 = defragmenter(0, "r0");
        long before = member0.dbSize().orElseThrow().total();
        assertThat(before).as("the member's file after 20 MiB were written and compacted away").isGreaterThan(MIN);

        assertThat(member0.check()).isEqualTo(EtcdDefragmenter.Outcome.DEFRAGMENTED);

        assertThat(member0.dbSize().orElseThrow().total()).isLessThan(before / 2);
        assertThat(member0.check()).isEqualTo(EtcdDefragmenter.Outcome.NOT_NEEDED);
        assertThat(etcd.get(KEYS.defragmenting())).as("the lock is given back").isEmpty();
    }

    @Test
    void a_member_waits_while_another_replica_defragments_its_own() throws Exception {
        EtcdDefragmenter member1 = defragmenter(1, "r1");
        long before = member1.dbSize().orElseThrow().total();
        etcd.put(KEYS.defragmenting(), "r2".getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(member1.check()).isEqualTo(EtcdDefragmenter.Outcome.ANOTHER_REPLICA);
            assertThat(member1.dbSize().orElseThrow().total()).isEqualTo(before);
            assertThat(Etcd.str(etcd.get(KEYS.defragmenting()).orElseThrow().getValue())).isEqualTo("r2");
        } finally {
            etcd.await(client.getKVClient().delete(ByteSequence.from(KEYS.defragmenting(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void a_member_that_is_the_raft_leader_hands_leadership_on_before_it_defragments() throws Exception {
        makeRaftLeader(2);
        EtcdDefragmenter member2 = defragmenter(2, "r2");
        long before = member2.dbSize().orElseThrow().total();

        assertThat(member2.check()).isEqualTo(EtcdDefragmenter.Outcome.DEFRAGMENTED);

        long leader = status(2).getLeader();
        assertThat(leader).as("a Raft leader is named").isNotZero();
        assertThat(leader).as("the member no longer leads: it handed leadership on first")
                .isNotEqualTo(status(2).getHeader().getMemberId());
        assertThat(member2.dbSize().orElseThrow().total()).isLessThan(before / 2);
    }

    @Test
    void a_file_below_the_minimum_is_not_worth_a_pause() throws Exception {
        EtcdDefragmenter member2 = new EtcdDefragmenter(cluster.clientUrls().get(2), EtcdAccess.plain(),
                Duration.ofSeconds(5), etcd, client.getLeaseClient(), KEYS.defragmenting(), "r2", 1L << 40, log("r2"));

        assertThat(member2.check()).isEqualTo(EtcdDefragmenter.Outcome.NOT_NEEDED);
    }

    private static StatusResponse status(int member) throws InterruptedException {
        return new MemberStatusReader(cluster.clientUrls().get(member), Duration.ofSeconds(5)).read().orElseThrow();
    }

    /** Moves Raft leadership to {@code member}, asking the member that leads now. */
    private static void makeRaftLeader(int member) throws Exception {
        long target = status(member).getHeader().getMemberId();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long leader = status(member).getLeader();
            if (leader == target) {
                return true;
            }
            for (URI url : cluster.clientUrls()) {
                StatusResponse s = new MemberStatusReader(url, Duration.ofSeconds(5)).read().orElseThrow();
                if (s.getHeader().getMemberId() == leader) {
                    try (Client direct = Client.builder().endpoints(url).build()) {
                        direct.getMaintenanceClient().moveLeader(target).get(10, TimeUnit.SECONDS);
                    }
                }
            }
            return false;
        });
    }

    private static EtcdDefragmenter defragmenter(int member, String replica) {
        return new EtcdDefragmenter(cluster.clientUrls().get(member), EtcdAccess.plain(), Duration.ofSeconds(5),
                etcd, client.getLeaseClient(), KEYS.defragmenting(), replica, MIN, log(replica));
    }

    private static ReplicaLog log(String replica) {
        return new ReplicaLog(EtcdDefragmenterIT.class, replica, () -> Role.FOLLOWER);
    }
}
