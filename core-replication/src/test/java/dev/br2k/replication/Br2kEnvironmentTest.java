package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Br2kEnvironmentTest {

    @Test
    void every_listed_variable_changes_the_config() {
        Map<String, String> sample = Map.ofEntries(Map.entry("BR2K_SERVICE", "kv"), Map.entry("BR2K_REPLICA_ID", "kv-0"),
                Map.entry("BR2K_ETCD_ENDPOINTS", "http://127.0.0.1:2379"), Map.entry("BR2K_HTTP_HOST", "0.0.0.0"),
                Map.entry("BR2K_HTTP_PORT", "8080"), Map.entry("BR2K_ADVERTISE_URL", "http://kv-0.kv:8080"),
                Map.entry("BR2K_STATE_DIR", "/data/state"), Map.entry("BR2K_BACKUP_DIR", "/data/backups"),
                Map.entry("BR2K_LOCATION_FILE", "/data/location.json"), Map.entry("BR2K_BACKUP_LOG_FILE", "/data/log.jsonl"),
                Map.entry("BR2K_BACKUP_EVERY_ENTRIES", "1000"), Map.entry("BR2K_MAX_BODY_BYTES", "4096"),
                Map.entry("BR2K_ROLE_CHECK_MILLIS", "150"),
                Map.entry("BR2K_ADMIN_TOKEN_FILE", "/run/secrets/admin/token"), Map.entry("BR2K_ADMIN_TOKEN", "0123456789abcdef0123"),
                Map.entry("BR2K_BACKUP_LOG_KEY_FILE", "/secrets/backup-log.key"));
        assertThat(sample.keySet()).containsExactlyInAnyOrderElementsOf(Br2kEnvironment.VARIABLES);
        for (Map.Entry<String, String> variable : sample.entrySet()) {
            Br2kConfig untouched = new Br2kConfig().stateDir(Path.of("/x/state"));
            Br2kConfig read = new Br2kConfig().stateDir(Path.of("/x/state")).fromEnvironment(Map.of(variable.getKey(), variable.getValue()));
            assertThat(describe(read)).as(variable.getKey()).isNotEqualTo(describe(untouched));
        }
    }

    private static String describe(Br2kConfig c) {
        return String.join("|", String.valueOf(c.serviceName()), String.valueOf(c.replicaId()), c.etcdEndpoints().toString(),
                c.httpHost(), Integer.toString(c.httpPort()), c.advertiseUrl().toString(), c.stateDir().toString(),
                c.backupDir().toString(), c.locationFile().toString(), c.backupLogFile().toString(),
                Long.toString(c.backupEveryEntries()), Long.toString(c.maxBodyBytes()), c.roleCheckInterval().toString(),
                c.adminTokenFile().toString(), c.adminToken().toString(), c.backupLogKeyFile().toString());
    }
}
