package dev.br2k.testkit.tls;

/**
 * The key type and PEM encoding of an issued certificate's private key: the forms etcd and kubeconfig
 * users meet (cfssl and {@code openssl ecparam} write SEC1, older openssl and kubeadm write PKCS#1,
 * {@code openssl genpkey} and cert-manager write PKCS#8).
 */
public enum KeyStyle {
    /** EC P-256, {@code -----BEGIN PRIVATE KEY-----}. */
    EC_PKCS8,
    /** EC P-256, {@code -----BEGIN EC PRIVATE KEY-----}. */
    EC_SEC1,
    /** RSA 2048, {@code -----BEGIN PRIVATE KEY-----}. */
    RSA_PKCS8,
    /** RSA 2048, {@code -----BEGIN RSA PRIVATE KEY-----}. */
    RSA_PKCS1;

    boolean rsa() {
        return this == RSA_PKCS8 || this == RSA_PKCS1;
    }

    boolean pkcs8() {
        return this == EC_PKCS8 || this == RSA_PKCS8;
    }
}
