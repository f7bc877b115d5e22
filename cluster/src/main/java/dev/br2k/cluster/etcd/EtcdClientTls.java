package dev.br2k.cluster.etcd;

import dev.br2k.cluster.ClusterException;
import io.fabric8.kubernetes.client.internal.SSLUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The CA, client certificate and key (PEM) this module presents to etcd when its client port requires TLS
 * ({@code etcdTls: {client: true}}): read the way fabric8 reads a kubeconfig's client certificate, so keys in
 * PKCS#8, SEC1 ({@code EC PRIVATE KEY}) and PKCS#1 ({@code RSA PRIVATE KEY}) all work.
 *
 * @param caPem   the CA that signed etcd's server certificate
 * @param certPem the client certificate, signed by the CA in etcd's {@code --trusted-ca-file}
 * @param keyPem  its private key
 * @param source  where the three came from, for error messages (a Secret or files)
 */
public record EtcdClientTls(String caPem, String certPem, String keyPem, String source) {
    public EtcdClientTls {
        Objects.requireNonNull(caPem, "caPem");
        Objects.requireNonNull(certPem, "certPem");
        Objects.requireNonNull(keyPem, "keyPem");
        Objects.requireNonNull(source, "source");
    }

    /** From the keys {@code ca.crt}, {@code tls.crt} and {@code tls.key} of a Secret's (base64) data. */
    public static EtcdClientTls fromSecretData(Map<String, String> data, String secret) {
        StringBuilder missing = new StringBuilder();
        for (String key : new String[] {"ca.crt", "tls.crt", "tls.key"}) {
            if (data == null || data.get(key) == null || data.get(key).isBlank()) {
                missing.append(missing.length() == 0 ? "" : ", ").append(key);
            }
        }
        if (missing.length() > 0) {
            throw new ClusterException("etcd client TLS is on, but Secret " + secret + " has no " + missing + ". Put the CA,"
                    + " the certificate and its key there (kubectl create secret generic " + secret.replaceAll(".*/", "")
                    + " --from-file=ca.crt --from-file=tls.crt --from-file=tls.key).");
        }
        Base64.Decoder d = Base64.getMimeDecoder();
        return new EtcdClientTls(new String(d.decode(data.get("ca.crt"))), new String(d.decode(data.get("tls.crt"))),
                new String(d.decode(data.get("tls.key"))), "Secret " + secret);
    }

    /** From PEM files, as etcdctl's {@code --cacert}, {@code --cert} and {@code --key}. */
    public static EtcdClientTls fromFiles(Path caFile, Path certFile, Path keyFile) {
        return new EtcdClientTls(read(caFile), read(certFile), read(keyFile), "files " + caFile + ", " + certFile + ", " + keyFile);
    }

    /** An SSL context that trusts the CA and presents the client certificate. */
    public SSLContext sslContext() {
        Base64.Encoder e = Base64.getEncoder();
        String ca = e.encodeToString(caPem.getBytes());
        String cert = e.encodeToString(certPem.getBytes());
        String key = e.encodeToString(keyPem.getBytes());
        Exception failure = null;
        // fabric8 parses the key by the algorithm it is told (as a kubeconfig's client-key-algo): try both
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return SSLUtils.sslContext(SSLUtils.keyManagers(cert, null, key, null, algorithm, "", null, null),
                        SSLUtils.trustManagers(ca, null, false, null, null));
            } catch (GeneralSecurityException | IOException | RuntimeException ex) {
                failure = ex;
            }
        }
        throw new ClusterException("The etcd client certificate, key or CA in " + source + " cannot be used: " + failure
                + ". They must be PEM: ca.crt and tls.crt certificates, tls.key an unencrypted private key.", failure);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ClusterException("Cannot read " + file + " (" + e + "): give the PEM files of the etcd client"
                    + " certificate, its key and the CA.", e);
        }
    }
}
