package dev.br2k.registry.crypto;

/** How expensive a new keystore is to open (its scrypt parameters). */
public enum KeystoreStrength {
    /** scrypt n = 2^18, p = 1, as geth and MetaMask write it: about a second and 256 MiB to open. */
    STANDARD,
    /** scrypt n = 2^12, p = 6: fast to open. For tests and throw-away accounts only. */
    LIGHT
}
