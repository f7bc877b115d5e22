package dev.br2k.replication.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.EtcdAccessException;
import dev.br2k.testkit.tls.CertificateAuthority;
import dev.br2k.testkit.tls.KeyStyle;
import dev.br2k.testkit.tls.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading the etcd CA, client certificate and key, and the password file, before anything connects. */
class EtcdAccessTest {
    static final CertificateAuthority CA = CertificateAuthority.create("test CA");

    @TempDir
    Path dir;

    private static Br2kConfig https() {
        return new Br2kConfig().etcdEndpoints("https://127.0.0.1:2379");
    }

    @ParameterizedTest
    @EnumSource(KeyStyle.class)
    void client_keys_load_in_every_pem_form_etcd_users_have(KeyStyle style) {
        TlsFiles files = CA.issue(dir, "client", style);

        EtcdAccess access = EtcdAccess.load(https().etcdCaFile(files.caFile()).etcdClientCertificate(files.certFile(), files.keyFile()));

        assertThat(access.usesTls()).isTrue();
        assertThat(PemFiles.privateKey(files.keyFile(), "key").getAlgorithm()).isEqualTo(style.name().startsWith("RSA") ? "RSA" : "EC");
    }

    @Test
    void a_key_of_another_certificate_is_refused_naming_both_files() {
        TlsFiles mine = CA.issue(dir.resolve("mine"), "mine", KeyStyle.EC_PKCS8);
        TlsFiles other = CA.issue(dir.resolve("other"), "other", KeyStyle.EC_PKCS8);

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdClientCertificate(mine.certFile(), other.keyFile())))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("the private key " + other.keyFile() + " (the etcd client key (BR2K_ETCD_KEY_FILE)) does not belong to the certificate " + mine.certFile())
                .hasMessageContaining("Give the key that was made with this certificate");
    }

    @Test
    void a_missing_ca_file_is_named_with_its_variable() {
        Path missing = dir.resolve("nowhere/ca.crt");

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdCaFile(missing)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageStartingWith("the etcd CA file (BR2K_ETCD_CA_FILE) names " + missing + ", which does not exist");
    }

    @Test
    void a_key_given_as_the_certificate_says_it_holds_no_certificate() {
        TlsFiles files = CA.issue(dir, "client", KeyStyle.EC_SEC1);

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdClientCertificate(files.keyFile(), files.keyFile())))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("holds no certificate (no -----BEGIN CERTIFICATE----- block)");
    }

    @Test
    void a_der_or_garbage_file_is_not_pem() throws Exception {
        Path der = Files.write(dir.resolve("ca.der"), CA.certificate().getEncoded());

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdCaFile(der)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("is not a PEM file").hasMessageContaining("openssl x509 -inform der");
    }

    @Test
    void an_encrypted_key_is_refused_with_how_to_decrypt_it() throws Exception {
        TlsFiles files = CA.issue(dir, "client", KeyStyle.EC_PKCS8);
        Path encrypted = Files.writeString(dir.resolve("enc.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdClientCertificate(files.certFile(), encrypted)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("holds an encrypted private key").hasMessageContaining("openssl pkcs8");
    }

    @Test
    void tls_files_with_a_plain_http_endpoint_are_refused() {
        TlsFiles files = CA.issue(dir, "client", KeyStyle.EC_PKCS8);
        Br2kConfig config = new Br2kConfig().etcdEndpoints("http://127.0.0.1:2379").etcdCaFile(files.caFile());

        assertThatThrownBy(() -> EtcdAccess.load(config))
                .isInstanceOf(EtcdAccessException.class).hasMessageContaining("include plain http:// URLs");
    }

    @Test
    void an_empty_or_missing_password_file_is_an_error_naming_the_variable() throws Exception {
        Path empty = Files.writeString(dir.resolve("password"), "\n");

        assertThatThrownBy(() -> EtcdAccess.load(https().etcdAuth("br2k", empty)))
                .isInstanceOf(EtcdAccessException.class)
                .hasMessageContaining("the etcd password file (BR2K_ETCD_PASSWORD_FILE) " + empty + " is empty");
        assertThatThrownBy(() -> EtcdAccess.load(https().etcdAuth("br2k", dir.resolve("absent"))))
                .isInstanceOf(EtcdAccessException.class).hasMessageContaining("which does not exist");
    }

    @Test
    void a_plain_config_reads_no_files_and_stays_plain() {
        assertThat(EtcdAccess.load(new Br2kConfig().etcdEndpoints("http://127.0.0.1:2379")).isPlain()).isTrue();
    }
}
