package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime on a real 3-member etcd that serves clients and peers over TLS and requires client certificates
 * ({@code --client-cert-auth}), certificates made in the test. Configured through the environment variables a
 * manifest sets, so that the same test shows that they are read.
 */
class EtcdTlsIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).tls().build();

    @TempDir
    Path dir;

    private KvReplicas kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    static Map<String, String> tlsEnvironment(TlsFiles files) {
        Map<String, String> env = new HashMap<>();
        env.put("BR2K_ETCD_CA_FILE", files.caFile().toString());
        env.put("BR2K_ETCD_CERT_FILE", files.certFile().toString());
        env.put("BR2K_ETCD_KEY_FILE", files.keyFile().toString());
        return env;
    }

    @Test
    void replicas_replicate_over_tls_etcd_with_client_certificates() {
        TlsFiles client = etcd.clientTls().orElseThrow();
        kv = KvReplicas.start(etcd, dir, "tlskv", 3, c -> c.fromEnvironment(tlsEnvironment(client)));

        for (int i = 0; i < 5; i++) {
            assertThat(kv.send("PUT", "/kv/k" + i, "v" + i).statusCode()).isEqualTo(200);
        }

        Map<String, String> data = kv.awaitConverged();
        assertThat(data).containsEntry("k0", "v0").containsEntry("k4", "v4").hasSize(5);
        assertThat(etcd.gateway().get(etcd.leader().clientUrl(), "/br2k/tlskv/leader"))
                .as("the leader key, read back through an independent TLS client").isPresent();
    }

    @Test
    void etcd_refuses_a_client_without_a_certificate() throws Exception {
        TlsFiles client = etcd.clientTls().orElseThrow();
        java.security.cert.X509Certificate ca = etcd.authority().orElseThrow().certificate();
        try (Client anonymous = Client.builder().endpoints(etcd.clientUrls().get(0))
                .sslContext(b -> b.trustManager(ca)).build()) {
            // jetcd keeps retrying the refused handshake until the caller gives up
            assertThatThrownBy(() -> anonymous.getKVClient().put(bytes("/br2k/tlskv/injected"), bytes("x")).get(5, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, TimeoutException.class);
        }
        HttpClient trustsOnly = HttpClient.newBuilder().sslContext(trustOnly(ca)).build();
        assertThatThrownBy(() -> trustsOnly.send(HttpRequest.newBuilder(etcd.clientUrls().get(0).resolve("/v3/kv/put"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"L2JyMmsvdGxza3YvaW5qZWN0ZWQ=\",\"value\":\"eA==\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()))
                .as("the JSON gateway refuses the handshake too").isInstanceOf(java.io.IOException.class);
        assertThat(etcd.gateway().get(etcd.leader().clientUrl(), "/br2k/tlskv/injected")).as("nothing was written").isEmpty();

        Map<String, String> caOnly = new HashMap<>(Map.of("BR2K_ETCD_CA_FILE", client.caFile().toString()));
        assertThatThrownBy(() -> KvReplicas.start(etcd, dir, "nocert", 1, c -> c.fromEnvironment(caOnly)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("refused this replica's client certificate")
                .hasMessageContaining("BR2K_ETCD_CERT_FILE");
    }

    @Test
    void a_replica_that_trusts_another_ca_fails_at_start_with_what_to_change() {
        TlsFiles client = etcd.clientTls().orElseThrow();
        Path otherCa = CertificateAuthority.create("someone else's CA").writeCertificate(dir.resolve("other-ca.crt"));
        Map<String, String> env = tlsEnvironment(client);
        env.put("BR2K_ETCD_CA_FILE", otherCa.toString());

        assertThatThrownBy(() -> KvReplicas.start(etcd, dir, "wrongca", 1, c -> c.fromEnvironment(env)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("presented a server certificate that the etcd CA file (BR2K_ETCD_CA_FILE) did not sign")
                .hasMessageContaining("Point BR2K_ETCD_CA_FILE at the CA that signed etcd's --cert-file");
    }

    @Test
    void plain_http_endpoints_with_tls_files_are_refused_rather_than_sent_in_clear() {
        TlsFiles client = etcd.clientTls().orElseThrow();
        Map<String, String> env = tlsEnvironment(client);
        env.put("BR2K_ETCD_ENDPOINTS", etcd.endpoints().replace("https://", "http://"));

        assertThatThrownBy(() -> KvReplicas.start(etcd, dir, "cleartext", 1, c -> c.fromEnvironment(env)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("include plain http:// URLs")
                .hasMessageContaining("Use https:// for every endpoint");
    }

    @Test
    void rsa_client_keys_in_pkcs1_are_accepted_as_etcd_users_have_them() {
        TlsFiles rsa = etcd.authority().orElseThrow().issue(dir.resolve("rsa"), "br2k-rsa", KeyStyle.RSA_PKCS1);
        // one replica, beside the Raft leader so that it need not move leadership to its member first
        kv = new KvReplicas(etcd, dir, "rsakv", 3, c -> c.fromEnvironment(tlsEnvironment(rsa)));
        kv.start(etcd.members().indexOf(etcd.leader()));

        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
    }

    private static javax.net.ssl.SSLContext trustOnly(java.security.cert.X509Certificate ca) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
