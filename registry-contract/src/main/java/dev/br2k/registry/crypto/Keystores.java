package dev.br2k.registry.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.ObjectMapperFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Ethereum V3 keystore files (the format geth, MetaMask and web3j write). Files this class writes
 * are owner-only (0600); a file whose key-derivation parameters are far beyond what wallets write is
 * refused before decryption starts.
 *
 * <p>Opening and creating a keystore is slow on purpose (scrypt: about a second and 256 MiB for a
 * {@link KeystoreStrength#STANDARD} one). Call {@link #load} off a UI thread, or use
 * {@link #loadAsync}, which runs on the executor you give it.
 *
 * <pre>{@code
 * Keystores.loadAsync(file, password, executor)
 *     .thenAccept(credentials -> ...)            // on the executor's thread
 *     .exceptionally(e -> ...);                   // KeystorePasswordException, KeystoreUnreadableException
 * }</pre>
 */
public final class Keystores {

    private Keystores() {
    }

    /**
     * Opens a V3 keystore.
     *
     * @throws KeystorePasswordException   if the password is wrong
     * @throws KeystoreUnreadableException if the file is missing, unreadable or not a V3 keystore
     */
    public static Credentials load(Path file, String password) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
        WalletFile wallet;
        try {
            wallet = ObjectMapperFactory.getObjectMapper().readValue(Files.readAllBytes(file), WalletFile.class);
        } catch (NoSuchFileException e) {
            throw new KeystoreUnreadableException("No keystore file at " + file + ": choose an existing keystore file.", e);
        } catch (JsonProcessingException e) {
            throw new KeystoreUnreadableException(file + " is not an Ethereum V3 keystore (it is not keystore JSON): choose a keystore file.", e);
        } catch (IOException e) {
            throw new KeystoreUnreadableException("Cannot read the keystore file " + file + ": " + e.getMessage(), e);
        }
        if (wallet.getCrypto() == null || wallet.getVersion() != 3) {
            throw new KeystoreUnreadableException(file + " is not an Ethereum V3 keystore: choose a keystore file.", null);
        }
        requireSaneKdf(file, wallet.getCrypto().getKdfparams());
        try {
            return Credentials.create(Wallet.decrypt(password, wallet));
        } catch (CipherException e) {
            if (String.valueOf(e.getMessage()).contains("Invalid password")) {
                throw new KeystorePasswordException("Wrong password for the keystore " + file.getFileName() + ": try again.", e);
            }
            throw new KeystoreUnreadableException("The keystore " + file + " uses parameters this client cannot open: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new KeystoreUnreadableException("The keystore " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** The largest scrypt cost accepted: geth's standard keystore (n = 2^18, r = 8, p = 1: 256 MiB). */
    public static final int MAX_SCRYPT_N = 1 << 18;
    public static final int MAX_SCRYPT_R = 8;
    public static final int MAX_SCRYPT_P = 16;
    /** The largest PBKDF2 iteration count accepted (wallets use 262,144; old ones up to 1,000,000). */
    public static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    /**
     * Refuses key-derivation parameters no wallet writes, before any work: a crafted keystore could
     * otherwise ask for gigabytes of memory or hours of CPU.
     */
    private static void requireSaneKdf(Path file, Object params) {
        if (params instanceof WalletFile.ScryptKdfParams scrypt) {
            long n = scrypt.getN();
            if (n < 2 || n > MAX_SCRYPT_N || Long.bitCount(n) != 1 || scrypt.getR() < 1 || scrypt.getR() > MAX_SCRYPT_R
                    || scrypt.getP() < 1 || scrypt.getP() > MAX_SCRYPT_P || scrypt.getDklen() != 32) {
                throw new KeystoreUnreadableException("The keystore " + file + " asks for scrypt n=" + n + ", r=" + scrypt.getR()
                        + ", p=" + scrypt.getP() + ", dklen=" + scrypt.getDklen() + ": refused (at most n=" + MAX_SCRYPT_N + ", r="
                        + MAX_SCRYPT_R + ", p=" + MAX_SCRYPT_P + ", dklen=32, as wallets write). Use a keystore made by a wallet.", null);
            }
        } else if (params instanceof WalletFile.Aes128CtrKdfParams pbkdf2) {
            if (pbkdf2.getC() < 1 || pbkdf2.getC() > MAX_PBKDF2_ITERATIONS || pbkdf2.getDklen() != 32) {
                throw new KeystoreUnreadableException("The keystore " + file + " asks for pbkdf2 c=" + pbkdf2.getC() + ", dklen="
                        + pbkdf2.getDklen() + ": refused (at most c=" + MAX_PBKDF2_ITERATIONS + ", dklen=32). Use a keystore made by a wallet.", null);
            }
        } else {
            throw new KeystoreUnreadableException("The keystore " + file + " has no key-derivation parameters this client knows "
                    + "(scrypt or pbkdf2): choose a keystore file.", null);
        }
    }

    /** {@link #load} on {@code executor}; the future fails with the same exceptions (unwrapped). */
    public static CompletableFuture<Credentials> loadAsync(Path file, String password, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return CompletableFuture.supplyAsync(() -> load(file, password), executor);
    }

    /**
     * Creates a new account and writes it as a V3 keystore in {@code directory} (created if
     * missing), under geth's file name {@code UTC--<time>--<address>.json}.
     *
     * @return the keystore file
     */
    public static Path create(Path directory, String password, KeystoreStrength strength) {
        try {
            return write(directory, password, Keys.createEcKeyPair(), strength);
        } catch (GeneralSecurityException e) {
            throw new KeystoreUnreadableException("Cannot create a key pair: " + e.getMessage(), e);
        }
    }

    /** Writes an existing key pair as a V3 keystore in {@code directory}; returns the file. */
    public static Path write(Path directory, String password, ECKeyPair keyPair, KeystoreStrength strength) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(strength, "strength");
        try {
            Files.createDirectories(directory);
            String name = WalletUtils.generateWalletFile(password, keyPair, directory.toFile(),
                    strength == KeystoreStrength.STANDARD);
            Path file = directory.resolve(name);
            try {   // a private key, even encrypted: owner-only, as geth writes it
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stay
            }
            return file;
        } catch (IOException | CipherException e) {
            throw new KeystoreUnreadableException("Cannot write a keystore into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Unwraps the {@link CompletionException} of a failed {@link #loadAsync}. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
