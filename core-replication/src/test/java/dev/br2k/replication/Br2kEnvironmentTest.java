package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
                Map.entry("BR2K_ROLE_CHECK_MILLIS", "150"), Map.entry("BR2K_FOLLOWER_APPLY_GAP_MILLIS", "0"),
                Map.entry("BR2K_ETCD_DEFRAG_MIN_MB", "0"),
                Map.entry("BR2K_ETCD_DEFRAG_CHECK_SECONDS", "60"),
                Map.entry("BR2K_ADMIN_TOKEN_FILE", "/run/secrets/admin/token"), Map.entry("BR2K_ADMIN_TOKEN", "0123456789abcdef0123"),
                Map.entry("BR2K_BACKUP_LOG_KEY_FILE", "/secrets/backup-log.key"),
                Map.entry("BR2K_ETCD_CA_FILE", "/tls/ca.crt"), Map.entry("BR2K_ETCD_CERT_FILE", "/tls/tls.crt"),
                Map.entry("BR2K_ETCD_KEY_FILE", "/tls/tls.key"), Map.entry("BR2K_ETCD_USER", "br2k"),
                Map.entry("BR2K_ETCD_PASSWORD_FILE", "/secrets/etcd-password"));
        assertThat(sample.keySet()).containsExactlyInAnyOrderElementsOf(Br2kEnvironment.VARIABLES);
        for (Map.Entry<String, String> variable : sample.entrySet()) {
            Br2kConfig untouched = new Br2kConfig().stateDir(Path.of("/x/state"));
            Map<String, String> env = new java.util.HashMap<>(Map.of(variable.getKey(), variable.getValue()));
            PAIRS.getOrDefault(variable.getKey(), List.of()).forEach(partner -> env.put(partner, sample.get(partner)));
            Br2kConfig read = new Br2kConfig().stateDir(Path.of("/x/state")).fromEnvironment(env);
            assertThat(describe(read)).as(variable.getKey()).isNotEqualTo(describe(untouched));
        }
    }

    /** Variables that only come in pairs: each is tested with its partner. */
    private static final Map<String, List<String>> PAIRS = Map.of(
            "BR2K_ETCD_CERT_FILE", List.of("BR2K_ETCD_KEY_FILE"), "BR2K_ETCD_KEY_FILE", List.of("BR2K_ETCD_CERT_FILE"),
            "BR2K_ETCD_USER", List.of("BR2K_ETCD_PASSWORD_FILE"), "BR2K_ETCD_PASSWORD_FILE", List.of("BR2K_ETCD_USER"));

    @Test
    void a_negative_defragmentation_size_is_refused_naming_the_variable_and_zero_turns_it_off() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_DEFRAG_MIN_MB", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BR2K_ETCD_DEFRAG_MIN_MB must be 0 (off) or the smallest database file worth defragmenting, "
                        + "in MiB (0 to 1048576), was -1");
        assertThat(new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_DEFRAG_MIN_MB", "0")).defragmentMinBytes()).isZero();
        assertThat(new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_DEFRAG_MIN_MB", "128")).defragmentMinBytes())
                .isEqualTo(128L << 20);
        assertThat(new Br2kConfig().defragmentMinBytes()).as("the default").isEqualTo(64L << 20);
    }

    @Test
    void a_follower_apply_gap_over_a_second_is_refused_naming_the_variable_and_zero_applies_at_every_event() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_FOLLOWER_APPLY_GAP_MILLIS", "5000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BR2K_FOLLOWER_APPLY_GAP_MILLIS must be 0 (apply at every watch event) or the least time between "
                        + "a follower's catch-ups, in milliseconds (0 to 1000), was 5000");
        assertThat(new Br2kConfig().fromEnvironment(Map.of("BR2K_FOLLOWER_APPLY_GAP_MILLIS", "0")).followerApplyGap()).isZero();
        assertThat(new Br2kConfig().followerApplyGap()).as("the default").isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void a_client_certificate_without_its_key_is_refused_naming_the_missing_variable() {
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_CERT_FILE", "/tls/tls.crt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BR2K_ETCD_CERT_FILE is set but BR2K_ETCD_KEY_FILE is not: set it to the client certificate's private key");
        assertThatThrownBy(() -> new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_USER", "br2k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BR2K_ETCD_PASSWORD_FILE is not");
    }

    @Test
    void the_etcd_tls_and_user_variables_land_in_the_config() {
        Br2kConfig c = new Br2kConfig().fromEnvironment(Map.of("BR2K_ETCD_CA_FILE", "/tls/ca.crt",
                "BR2K_ETCD_CERT_FILE", "/tls/tls.crt", "BR2K_ETCD_KEY_FILE", "/tls/tls.key",
                "BR2K_ETCD_USER", "br2k", "BR2K_ETCD_PASSWORD_FILE", "/secrets/etcd-password"));

        assertThat(c.etcdCaFile()).contains(Path.of("/tls/ca.crt"));
        assertThat(c.etcdCertFile()).contains(Path.of("/tls/tls.crt"));
        assertThat(c.etcdKeyFile()).contains(Path.of("/tls/tls.key"));
        assertThat(c.etcdUser()).contains("br2k");
        assertThat(c.etcdPasswordFile()).contains(Path.of("/secrets/etcd-password"));
    }

    private static String describe(Br2kConfig c) {
        return String.join("|", String.valueOf(c.serviceName()), String.valueOf(c.replicaId()), c.etcdEndpoints().toString(),
                c.httpHost(), Integer.toString(c.httpPort()), c.advertiseUrl().toString(), c.stateDir().toString(),
                c.backupDir().toString(), c.locationFile().toString(), c.backupLogFile().toString(),
                Long.toString(c.backupEveryEntries()), Long.toString(c.maxBodyBytes()), c.roleCheckInterval().toString(), c.followerApplyGap().toString(),
                Long.toString(c.defragmentMinBytes()), c.defragmentCheckEvery().toString(),
                c.adminTokenFile().toString(), c.adminToken().toString(), c.backupLogKeyFile().toString(),
                c.etcdCaFile().toString(), c.etcdCertFile().toString(), c.etcdKeyFile().toString(),
                c.etcdUser().toString(), c.etcdPasswordFile().toString());
    }
}
