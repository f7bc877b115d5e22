package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.backup.BackupStore;
import dev.br2k.replication.backup.DirectoryBackupStore;
import dev.br2k.replication.backup.FileBackupLog;
import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.recovery.Artifacts;
import dev.br2k.testkit.EtcdCluster;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20, items 8 and 10: no secret in status or etcd; backups encrypted at rest; a forged record is refused. */
class BackupSecurityIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    static final String ACCESS_KEY = "AKIA-BR2K-TEST-SECRET-7f3a91";

    @TempDir
    Path dir;

    private KvReplicas kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    /** A directory store that, like an S3 store, needs an access key to read. */
    record KeyedStore(DirectoryBackupStore inner) implements BackupStore {
        @Override
        public String store(String service, long version, Map<String, Path> artifacts) throws IOException {
            return inner.store(service, version, artifacts);
        }

        @Override
        public void fetch(String location, String artifact, Path target) throws IOException {
            inner.fetch(location, artifact, target);
        }

        @Override
        public String accessKey() {
            return ACCESS_KEY;
        }
    }

    private void write(String prefix, int n, String value) {
        for (int i = 0; i < n; i++) {
            assertThat(kv.send("PUT", "/kv/" + prefix + i, value + i).statusCode()).isEqualTo(200);
        }
    }

    private Path backupLog() {
        return dir.resolve("br2k-backup-log.jsonl");
    }

    @Test
    void status_every_etcd_key_and_the_log_hold_neither_the_storage_access_key_nor_the_artifact_key() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        root.addAppender(lines);
        kv = KvReplicas.start(etcd, dir, "secrets", 3,
                c -> c.backupEveryEntries(10).backupStore(new KeyedStore(new DirectoryBackupStore(dir.resolve("store")))));
        int leader = kv.awaitLeader();
        write("k", 12, "v");
        kv.awaitConverged();
        await().atMost(Duration.ofSeconds(30)).until(() -> kv.status(leader).get("stateVersion").asLong() == 2);
        BackupRecord record = new FileBackupLog(backupLog()).newest().orElseThrow();
        assertThat(record.storageAccessKey()).as("the record itself still carries the access key").isEqualTo(ACCESS_KEY);
        assertThat(record.artifactKey()).as("the record carries the artifact key").hasSizeGreaterThan(40);

        for (int i = 0; i < 3; i++) {
            assertThat(kv.status(i).toString()).as("status of r%d", i + 1).contains("lastBackup")
                    .doesNotContain(ACCESS_KEY, record.artifactKey());
        }
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "secrets")) {
            Map<String, String> all = keys.all("");
            assertThat(all).containsKey("last-backup");
            assertThat(all.values()).noneMatch(v -> v.contains(ACCESS_KEY) || v.contains(record.artifactKey()));
        }
        root.detachAppender(lines);
        assertThat(lines.list).as("log lines of the replicas").isNotEmpty()
                .noneMatch(e -> e.getFormattedMessage().contains(ACCESS_KEY) || e.getFormattedMessage().contains(record.artifactKey()));
    }

    @Test
    void stored_artifacts_are_encrypted_and_hold_no_request_body() throws Exception {
        kv = KvReplicas.start(etcd, dir, "atrest", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        write("k", 12, "personal-data-4c1e-");
        kv.awaitConverged();
        await().atMost(Duration.ofSeconds(30)).until(() -> kv.status(leader).get("stateVersion").asLong() == 2);
        BackupRecord record = new FileBackupLog(backupLog()).newest().orElseThrow();
        Path stored = Path.of(URI.create(record.storageLocation()));

        byte[] state = Files.readAllBytes(stored.resolve(BackupRecord.STATE_ARTIFACT));
        byte[] snapshot = Files.readAllBytes(stored.resolve(BackupRecord.ETCD_ARTIFACT));

        assertThat(new String(state, 0, 2, StandardCharsets.ISO_8859_1)).as("state.zip is not a readable zip").isNotEqualTo("PK");
        assertThat(new String(state, StandardCharsets.ISO_8859_1)).doesNotContain("personal-data-4c1e-");
        assertThat(new String(snapshot, StandardCharsets.ISO_8859_1)).as("the etcd snapshot holds the log's request bodies")
                .doesNotContain("personal-data-4c1e-");
    }

    @Test
    void an_attacker_who_swaps_artifacts_and_record_together_is_refused_and_the_state_is_untouched() throws Exception {
        kv = KvReplicas.start(etcd, dir, "forge", 3, c -> c.backupEveryEntries(10));
        int leader = kv.awaitLeader();
        write("k", 25, "v");
        kv.awaitConverged();
        await().atMost(Duration.ofSeconds(30)).until(() -> kv.status(leader).get("stateVersion").asLong() == 3);
        int victim = (leader + 1) % 3;
        Map<String, String> before = kv.get(victim).entries();
        // the attacker writes the store and the file log: it re-labels the older backup (version 2) as the
        // newest one, with SHA-256 values that match what the store holds (a roll-back of the service's state)
        Path older;
        try (var dirs = Files.list(dir.resolve("br2k-backups").resolve("forge"))) {
            older = dirs.filter(d -> d.getFileName().toString().startsWith("v2-")).findFirst().orElseThrow();
        }
        Map<String, Object> forged = new java.util.LinkedHashMap<>();
        forged.put("service", "forge");
        forged.put("version", 3);
        forged.put("lastIndex", 10);
        forged.put("startTime", "2026-12-07T00:00:00Z");
        forged.put("endTime", "2026-12-07T00:00:01Z");
        forged.put("members", java.util.List.of("r1", "r2", "r3"));
        forged.put("etcdSnapshotSize", Files.size(older.resolve(BackupRecord.ETCD_ARTIFACT)));
        forged.put("stateSize", Files.size(older.resolve(BackupRecord.STATE_ARTIFACT)));
        forged.put("storageLocation", older.toUri().toString());
        forged.put("storageAccessKey", "");
        forged.put("leaderId", "r1");
        forged.put("sha256", Map.of(
                BackupRecord.STATE_ARTIFACT, Artifacts.sha256(older.resolve(BackupRecord.STATE_ARTIFACT)),
                BackupRecord.ETCD_ARTIFACT, Artifacts.sha256(older.resolve(BackupRecord.ETCD_ARTIFACT))));
        Files.writeString(backupLog(), Json.write(forged) + "\n", StandardOpenOption.APPEND);

        // the replica keeps its state directory; a changed boot id makes it restore (I5), as after a machine restart
        kv.stop(victim);
        Files.writeString(kv.stateDir(victim).resolve(".br2k").resolve("boot-id"), "00000000-0000-0000-0000-000000000000");
        kv.start(victim);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var st = kv.status(victim);
            assertThat(st.get("role").asText()).isEqualTo("LEARNER");
            assertThat(st.get("problem").asText()).contains("backup record", "not authentic");
        });
        assertThat(kv.get(victim).entries()).as("the refused restore left the local state as it was").isEqualTo(before);
    }
}
