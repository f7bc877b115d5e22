package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.cluster.ClusterException;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With etcd client TLS the port-forward speaks HTTPS with the TLS Secret's certificate (API calls against the mock). */
@EnableKubernetesMockClient(crud = true)
class PortForwardEtcdTlsTest {
    static KubernetesClient client;

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        client.secrets().inNamespace("br2k").delete();
    }

    private void secret(TlsFiles files, String... keys) throws Exception {
        Map<String, Path> all = Map.of("ca.crt", files.caFile(), "tls.crt", files.certFile(), "tls.key", files.keyFile());
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName("infodid-etcd-tls").withNamespace("br2k").endMetadata();
        for (String key : keys) {
            b.addToData(key, Base64.getEncoder().encodeToString(Files.readAllBytes(all.get(key))));
        }
        client.secrets().inNamespace("br2k").resource(b.build()).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    @Test
    void the_forwarded_port_is_reached_over_https_with_the_secrets_client_certificate() throws Exception {
        TlsFiles files = CertificateAuthority.create("etcd CA").issue(dir, "", KeyStyle.EC_SEC1, "127.0.0.1");
        secret(files, "ca.crt", "tls.crt", "tls.key");
        PortForwardEtcd etcd = new PortForwardEtcd(client, "br2k", Map.of(), Optional.of("infodid-etcd-tls"));

        assertThat(etcd.clientTls().source()).isEqualTo("Secret br2k/infodid-etcd-tls");
        assertThat(etcd.clientTls().certPem()).isEqualTo(Files.readString(files.certFile()));
        assertThat(etcd.clientTls().keyPem()).isEqualTo(Files.readString(files.keyFile()));
        assertThatCode(() -> etcd.clientTls().sslContext()).as("the SEC1 key of the Secret is usable").doesNotThrowAnyException();
        assertThat(PortForwardEtcd.forwardedUrl(true, 41234)).hasToString("https://127.0.0.1:41234");
        assertThat(PortForwardEtcd.forwardedUrl(false, 41234)).hasToString("http://127.0.0.1:41234");
    }

    @Test
    void a_secret_without_the_key_says_which_entries_are_missing_and_how_to_make_them() throws Exception {
        secret(CertificateAuthority.create("etcd CA").issue(dir, "", KeyStyle.EC_PKCS8, "127.0.0.1"), "ca.crt", "tls.crt");
        PortForwardEtcd etcd = new PortForwardEtcd(client, "br2k", Map.of(), Optional.of("infodid-etcd-tls"));

        assertThatThrownBy(etcd::clientTls).isInstanceOf(ClusterException.class)
                .hasMessageContaining("Secret br2k/infodid-etcd-tls has no tls.key")
                .hasMessageContaining("kubectl create secret generic infodid-etcd-tls --from-file=ca.crt --from-file=tls.crt --from-file=tls.key");
    }

    @Test
    void a_missing_secret_is_named_with_its_namespace() {
        PortForwardEtcd etcd = new PortForwardEtcd(client, "br2k", Map.of(), Optional.of("infodid-etcd-tls"));

        assertThatThrownBy(etcd::clientTls).isInstanceOf(ClusterException.class)
                .hasMessageContaining("Secret infodid-etcd-tls does not exist in namespace br2k");
    }
}
