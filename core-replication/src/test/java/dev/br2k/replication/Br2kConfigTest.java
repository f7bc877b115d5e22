package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Br2kConfigTest {
    @Test
    void every_documented_environment_variable_is_read() {
        Map<String, String> env = Map.ofEntries(
                Map.entry("BR2K_SERVICE", "kv"),
                Map.entry("BR2K_REPLICA_ID", "kv-0"),
                Map.entry("BR2K_ETCD_ENDPOINTS", "http://127.0.0.1:2379, http://127.0.0.1:2380"),
                Map.entry("BR2K_HTTP_HOST", "0.0.0.0"),
                Map.entry("BR2K_HTTP_PORT", "8080"),
                Map.entry("BR2K_ADVERTISE_URL", "http://kv-0.kv:8080"),
                Map.entry("BR2K_STATE_DIR", "/data/state"),
                Map.entry("BR2K_BACKUP_DIR", "/data/backups"),
                Map.entry("BR2K_LOCATION_FILE", "/data/location.json"),
                Map.entry("BR2K_BACKUP_LOG_FILE", "/data/backup-log.jsonl"),
                Map.entry("BR2K_BACKUP_EVERY_ENTRIES", "1000"),
                Map.entry("BR2K_MAX_BODY_BYTES", "4096"),
                Map.entry("BR2K_ROLE_CHECK_MILLIS", "150"),
                Map.entry("BR2K_ADMIN_TOKEN_FILE", "/run/secrets/admin/token"));

        Br2kConfig c = new Br2kConfig().fromEnvironment(env);
        c.validate();

        assertThat(c.serviceName()).isEqualTo("kv");
        assertThat(c.replicaId()).isEqualTo("kv-0");
        assertThat(c.etcdEndpoints()).containsExactly(URI.create("http://127.0.0.1:2379"), URI.create("http://127.0.0.1:2380"));
        assertThat(c.httpHost()).isEqualTo("0.0.0.0");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.advertiseUrl()).contains(URI.create("http://kv-0.kv:8080"));
        assertThat(c.stateDir()).isEqualTo(Path.of("/data/state"));
        assertThat(c.backupDir()).isEqualTo(Path.of("/data/backups"));
        assertThat(c.locationFile()).isEqualTo(Path.of("/data/location.json"));
        assertThat(c.backupLogFile()).isEqualTo(Path.of("/data/backup-log.jsonl"));
        assertThat(c.backupEveryEntries()).isEqualTo(1000);
        assertThat(c.maxBodyBytes()).isEqualTo(4096);
        assertThat(c.roleCheckInterval()).isEqualTo(Duration.ofMillis(150));
        assertThat(c.adminTokenFile()).contains(Path.of("/run/secrets/admin/token"));
    }

    @Test
    void shared_files_default_to_siblings_of_the_state_directory() {
        Br2kConfig c = new Br2kConfig().stateDir(Path.of("/srv/kv/r1"));

        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.backupDir()).isEqualTo(Path.of("/srv/kv/br2k-backups"));
        assertThat(c.locationFile()).isEqualTo(Path.of("/srv/kv/br2k-location.json"));
        assertThat(c.backupLogFile()).isEqualTo(Path.of("/srv/kv/br2k-backup-log.jsonl"));
    }

    @Test
    void starting_without_the_required_settings_names_each_missing_one() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_SERVICE", "kv")).validate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BR2K_REPLICA_ID").hasMessageContaining("BR2K_ETCD_ENDPOINTS")
                .hasMessageContaining("BR2K_STATE_DIR").hasMessageNotContaining("BR2K_SERVICE");
    }

    @Test
    void a_malformed_variable_is_named_in_the_error() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BR2K_HTTP_PORT");
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_SERVICE", "Not A Name")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serviceName");
    }

    @Test
    void an_admin_token_shorter_than_16_characters_is_refused() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_ADMIN_TOKEN", "secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 characters");
    }

    @Test
    void a_crash_point_in_the_environment_is_refused_and_never_honoured() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_CRASH_AT", "after-handler:7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BR2K_CRASH_AT").hasMessageContaining("test hook").hasMessageContaining("remove it");
    }

    @Test
    void limits_are_checked_where_they_are_set() {
        assertThatThrownBy(() -> new Br2kConfig().maxBatch(33)).hasMessageContaining("maxBatch");
        assertThatThrownBy(() -> new Br2kConfig().maxBodyBytes(2 << 20)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> new Br2kConfig().etcdTimeout(Duration.ZERO)).hasMessageContaining("etcdTimeout");
    }
}
