package dev.br2k.watch.backend;

import dev.br2k.registry.crypto.Keystores;
import org.web3j.crypto.Credentials;

import java.nio.file.Path;

/** Opens a V3 keystore; slow on purpose (scrypt), so it is called from a background task. */
@FunctionalInterface
public interface KeystoreUnlocker {

    KeystoreUnlocker V3 = Keystores::load;

    /**
     * @throws dev.br2k.registry.crypto.KeystorePasswordException   for a wrong password
     * @throws dev.br2k.registry.crypto.KeystoreUnreadableException for a missing or foreign file
     */
    Credentials unlock(Path keystore, String password);
}
