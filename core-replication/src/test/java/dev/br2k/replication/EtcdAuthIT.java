package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.testkit.EtcdCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime on a real etcd with TLS, client certificates and authentication on: user {@code br2k} may read and
 * write only {@code /br2k/authkv/}, as an operator would set it up (etcd's role-based access guide).
 */
class EtcdAuthIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).tls()
            .auth("root-secret", "br2k", "br2k-secret", "/br2k/authkv/").build();

    @TempDir
    Path dir;

    private KvReplicas kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    private Map<String, String> environment(String password) throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("etcd-password"), password + "\n");
        Map<String, String> env = EtcdTlsIT.tlsEnvironment(etcd.clientTls().orElseThrow());
        env.put("BR2K_ETCD_USER", "br2k");
        env.put("BR2K_ETCD_PASSWORD_FILE", passwordFile.toString());
        return env;
    }

    @Test
    void a_replica_with_the_users_password_serves_requests_within_its_role() throws Exception {
        Map<String, String> env = environment("br2k-secret");
        kv = KvReplicas.start(etcd, dir, "authkv", 1, c -> c.fromEnvironment(env));

        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        assertThat(kv.awaitConverged()).containsEntry("a", "1");
        assertThat(etcd.gateway().get(etcd.leader().clientUrl(), "/br2k/authkv/leader")).isPresent();
    }

    @Test
    void a_wrong_password_fails_at_start_naming_the_user_and_the_file_to_fix() throws Exception {
        Map<String, String> env = environment("not-the-password");

        assertThatThrownBy(() -> KvReplicas.start(etcd, dir, "authkv", 1, c -> c.fromEnvironment(env)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("refused user 'br2k': wrong user name or password")
                .hasMessageContaining("BR2K_ETCD_PASSWORD_FILE");
    }
}
