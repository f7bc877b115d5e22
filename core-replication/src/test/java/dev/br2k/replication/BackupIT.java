package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.backup.FileBackupLog;
import dev.br2k.testkit.DirectoryTree;
import dev.br2k.testkit.EtcdCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BackupIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    private KvReplicas kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    private void write(int leader, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(kv.send("PUT", "/kv/" + prefix + i, "v" + i).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void backup_at_the_log_size_threshold_compacts_the_log_and_etcds_history_and_followers_continue() throws Exception {
        kv = KvReplicas.start(etcd, dir, "compact", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        long firstEntries;
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "compact")) {
            firstEntries = keys.revision() + 1;
        }

        write(leader, "k", 25);

        var data = kv.awaitConverged();
        assertThat(data).hasSize(25);
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "compact")) {
            assertThat(keys.number("state-version")).isEqualTo(3);
            assertThat(keys.number("log-size")).isEqualTo(5);
            assertThat(keys.all("log/")).hasSize(5);
            assertThat(keys.all("ssv/").values()).containsOnly("3");
            // the deleted entries' history would otherwise stay in etcd and in every later backup's snapshot
            assertThat(keys.historyKeptAt(firstEntries)).as("etcd still answers as of the first entries' revision").isFalse();
        }
        List<BackupRecord> records = new FileBackupLog(dir.resolve("br2k-backup-log.jsonl")).all();
        assertThat(records).extracting(BackupRecord::version).containsExactly(2L, 3L);
        BackupRecord last = records.get(1);
        assertThat(last.lastIndex()).isEqualTo(10);
        assertThat(last.sha256()).containsKeys(BackupRecord.STATE_ARTIFACT, BackupRecord.ETCD_ARTIFACT);
        assertThat(last.members()).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(last.etcdSnapshotSize()).isPositive();
        assertThat(Path.of(URI.create(last.storageLocation())).resolve(BackupRecord.STATE_ARTIFACT)).exists();
        assertThat(kv.status(leader).get("lastBackup").get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_retry_after_a_backup_compacted_its_entry_gets_the_stored_answer_and_is_not_applied_again() {
        kv = KvReplicas.start(etcd, dir, "retry", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        HttpResponse<String> first = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "pay-1");
        assertThat(first.statusCode()).isEqualTo(200);
        write(leader, "k", 12); // the 10th entry starts a backup, which compacts the log with pay-1's entry

        await().atMost(Duration.ofSeconds(30)).until(() -> kv.status(leader).get("stateVersion").asLong() == 2);
        HttpResponse<String> retry = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "pay-1");

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(kv.send("GET", "/counter/c", null).body()).contains("\"value\":1");
        assertThat(kv.awaitConverged()).containsEntry("counter:c", "1");
    }

    @Test
    void a_replica_that_lost_its_data_directory_rejoins_from_the_backup_and_converges() throws Exception {
        kv = KvReplicas.start(etcd, dir, "rejoin", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        write(leader, "k", 15);
        kv.awaitConverged();
        int lost = (leader + 1) % 3;

        kv.stop(lost);
        DirectoryTree.delete(kv.stateDir(lost));
        write(leader, "more", 3);
        kv.start(lost);

        var data = kv.awaitConverged();
        assertThat(data).hasSize(18).containsEntry("k0", "v0").containsEntry("more2", "v2");
        assertThat(kv.get(lost).entries()).isEqualTo(data);
        assertThat(Http.getAdmin(kv.url(lost, "/metrics")).body()).containsPattern("br2k_recoveries_total\\{[^}]*} 1.0");
    }

    @Test
    void a_whole_service_started_on_an_empty_etcd_restores_the_newest_backup_instead_of_starting_empty() throws Exception {
        kv = KvReplicas.start(etcd, dir, "reborn", 3, c -> c.backupEveryEntries(10));
        write(kv.awaitLeader(), "k", 12); // the 10th entry makes backup version 2 holding k0..k9
        kv.awaitConverged();
        kv.close();
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "reborn")) {
            keys.deleteAll(); // the service's etcd is lost with its log (k10, k11)
        }
        for (int i = 0; i < 3; i++) {
            DirectoryTree.delete(kv.stateDir(i));
        }

        kv = KvReplicas.start(etcd, dir, "reborn", 3, c -> c.backupEveryEntries(10));

        var data = kv.awaitConverged();
        assertThat(data).hasSize(10).containsEntry("k0", "v0").containsEntry("k9", "v9");
        assertThat(kv.status(kv.awaitLeader()).get("stateVersion").asLong()).isEqualTo(2);
    }

    /** Makes the replica restore at its next start while it keeps its state directory (I5), as after a machine restart. */
    private void restartWithNewBootId(int i) throws IOException {
        kv.stop(i);
        Files.writeString(kv.stateDir(i).resolve(".br2k").resolve("boot-id"), "00000000-0000-0000-0000-000000000000");
        kv.start(i);
    }

    @Test
    void a_tampered_backup_artifact_is_refused_and_a_replica_with_state_keeps_it_untouched() throws Exception {
        kv = KvReplicas.start(etcd, dir, "tamper", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        write(leader, "k", 12);
        kv.awaitConverged();
        int victim = (leader + 1) % 3;
        Map<String, String> before = kv.get(victim).entries();
        assertThat(before).hasSize(12);
        BackupRecord record = new FileBackupLog(dir.resolve("br2k-backup-log.jsonl")).newest().orElseThrow();
        Path artifact = Path.of(URI.create(record.storageLocation())).resolve(BackupRecord.STATE_ARTIFACT);
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(artifact, bytes);

        restartWithNewBootId(victim);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var st = kv.status(victim);
            assertThat(st.get("role").asText()).isEqualTo("LEARNER");
            assertThat(st.get("problem").asText()).contains("tampered or truncated", "state.zip");
        });
        assertThat(kv.get(victim).entries()).as("the refused restore left the local state as it was").isEqualTo(before);
    }

    @Test
    void a_tampered_backup_record_is_refused_and_a_replica_with_state_keeps_it_untouched() throws Exception {
        kv = KvReplicas.start(etcd, dir, "tamperrecord", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        write(leader, "k", 12);
        kv.awaitConverged();
        int victim = (leader + 1) % 3;
        Map<String, String> before = kv.get(victim).entries();
        // the record, not the artifact: one character of its sealed line in the file backup log changes
        Path log = dir.resolve("br2k-backup-log.jsonl");
        String line = Files.readString(log).strip();
        assertThat(line).as("one sealed record").doesNotContain("\n").startsWith("br2k-backup-record-v1 ");
        int at = line.length() / 2;
        Files.writeString(log, line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1) + "\n");

        restartWithNewBootId(victim);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var st = kv.status(victim);
            assertThat(st.get("role").asText()).isEqualTo("LEARNER");
            assertThat(st.get("problem").asText()).contains("not an authentic backup record", "line 1");
        });
        assertThat(kv.get(victim).entries()).as("the refused restore left the local state as it was").isEqualTo(before);
    }
}
