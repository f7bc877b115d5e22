package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.EtcdTls;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names the etcd TLS Secret's certificate must carry, checked before deploy. */
class EtcdTlsSecretCheckTest {
    static final CertificateAuthority CA = CertificateAuthority.create("etcd CA");
    /** Every name a 3-replica "infodid" in namespace "br2k" needs, as the cluster README lists them. */
    static final String[] ALL_NAMES = {"*.infodid-peers.br2k.svc", "*.infodid-peers.br2k.svc.cluster.local",
            "infodid-peers.br2k.svc", "localhost", "127.0.0.1"};

    @TempDir
    Path dir;

    DeploymentContext tls;

    @BeforeEach
    void setUp() throws Exception {
        DeploymentContext lab = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        tls = KubernetesRefusalsTest.with(lab, lab.service(), lab.protocol(), lab.storageSize(), new EtcdTls(true, true, Optional.empty()));
    }

    static Secret secret(TlsFiles files) throws Exception {
        return new SecretBuilder().withNewMetadata().withName("infodid-etcd-tls").withNamespace("br2k").endMetadata()
                .addToData("ca.crt", Base64.getEncoder().encodeToString(Files.readAllBytes(files.caFile())))
                .addToData("tls.crt", Base64.getEncoder().encodeToString(Files.readAllBytes(files.certFile())))
                .addToData("tls.key", Base64.getEncoder().encodeToString(Files.readAllBytes(files.keyFile())))
                .build();
    }

    @Test
    void a_certificate_with_every_name_passes() throws Exception {
        assertThat(EtcdTlsSecretCheck.problems(tls, secret(CA.issue(dir, "etcd", KeyStyle.EC_SEC1, ALL_NAMES)))).isEmpty();
    }

    @Test
    void a_peer_certificate_without_the_cluster_domain_name_is_refused_naming_it() throws Exception {
        TlsFiles svcOnly = CA.issue(dir, "etcd", KeyStyle.EC_SEC1, "*.infodid-peers.br2k.svc", "infodid-peers.br2k.svc", "127.0.0.1");

        assertThat(EtcdTlsSecretCheck.problems(tls, secret(svcOnly))).singleElement().asString()
                .contains("does not name *.infodid-peers.br2k.svc.cluster.local (with your cluster's DNS domain)")
                .contains("reissue it with those subject alternative names");
    }

    @Test
    void a_client_tls_certificate_without_127_0_0_1_is_refused() throws Exception {
        TlsFiles noLoopback = CA.issue(dir, "etcd", KeyStyle.EC_PKCS8, "*.infodid-peers.br2k.svc",
                "*.infodid-peers.br2k.svc.cluster.local", "infodid-peers.br2k.svc");

        assertThat(EtcdTlsSecretCheck.problems(tls, secret(noLoopback))).singleElement().asString().contains("does not name IP 127.0.0.1");
    }

    @Test
    void a_missing_secret_says_how_to_create_it() {
        assertThat(EtcdTlsSecretCheck.problems(tls, null)).singleElement().asString()
                .contains("Secret infodid-etcd-tls does not exist in namespace br2k")
                .contains("kubectl -n br2k create secret generic infodid-etcd-tls --from-file=ca.crt --from-file=tls.crt --from-file=tls.key");
    }
}
