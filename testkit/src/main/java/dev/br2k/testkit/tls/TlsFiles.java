package dev.br2k.testkit.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * PEM files as etcd and its clients take them: the CA that signed the peer's certificate, and this side's
 * certificate and private key.
 *
 * @param caFile   the CA certificate ({@code --trusted-ca-file}, {@code BR2K_ETCD_CA_FILE})
 * @param certFile this side's certificate ({@code --cert-file}, {@code BR2K_ETCD_CERT_FILE})
 * @param keyFile  its private key ({@code --key-file}, {@code BR2K_ETCD_KEY_FILE})
 */
public record TlsFiles(Path caFile, Path certFile, Path keyFile) {
    public TlsFiles {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }
}
