package dev.br2k.cluster.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The module's etcd access over HTTPS with a client certificate, against a real etcd that requires one. */
class EtcdGatewayTlsIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).tls().build();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyStyle.class)
    void membership_and_reads_work_with_a_client_certificate_in_each_key_form(KeyStyle style) {
        TlsFiles files = etcd.authority().orElseThrow().issue(dir, "", style, "br2k-operator");
        EtcdGateway gateway = EtcdGateway.of(etcd.clientUrls(), EtcdClientTls.fromFiles(files.caFile(), files.certFile(), files.keyFile()));
        etcd.gateway().put(etcd.leader().clientUrl(), "/br2k/tlsgw/leader", "r1");

        assertThat(gateway.members()).hasSize(3);
        assertThat(gateway.range("/br2k/tlsgw/")).containsEntry("/br2k/tlsgw/leader", "r1");
    }

    @Test
    void a_gateway_that_trusts_another_ca_is_refused_with_what_to_check() {
        TlsFiles theirs = CertificateAuthority.create("another CA").issue(dir, "", KeyStyle.EC_PKCS8, "br2k-operator");
        EtcdGateway gateway = EtcdGateway.of(etcd.clientUrls(), EtcdClientTls.fromFiles(theirs.caFile(), theirs.certFile(), theirs.keyFile()));

        assertThatThrownBy(gateway::members).isInstanceOf(EtcdUnavailableException.class)
                .hasMessageContaining("No etcd member answered")
                .rootCause().hasMessageContaining("unable to find valid certification path");
        assertThatThrownBy(gateway::members).cause().hasMessageContaining("refused the TLS handshake or was not trusted")
                .hasMessageContaining("ca.crt signed etcd's server certificate");
    }
}
