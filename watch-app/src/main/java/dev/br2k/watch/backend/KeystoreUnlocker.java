package dev.br2k.watch.backend;

import dev.br2k.registry.crypto.Keystores;
import org.web3j.crypto.Credentials;

import java.nio.file.Path;

/** Opens a V3 keystore; slow on purpose (scrypt), so it is called from a background task. */
@FunctionalInterface
public interface KeystoreUnlocker {

    /**
     * web3j decrypts from a {@code String}, so the password exists as one (which cannot be wiped)
     * for the time of the decryption; the caller wipes its array.
     */
    KeystoreUnlocker V3 = (keystore, password) -> Keystores.load(keystore, new String(password));

    /**
     * Decrypts {@code keystore} with {@code password}. Does not keep the array; the caller wipes it.
     *
     * @throws dev.br2k.registry.crypto.KeystorePasswordException   for a wrong password
     * @throws dev.br2k.registry.crypto.KeystoreUnreadableException for a missing or foreign file
     */
    Credentials unlock(Path keystore, char[] password);
}
