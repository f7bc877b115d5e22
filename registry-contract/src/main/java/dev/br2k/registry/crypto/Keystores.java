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
 * Ethereum V3 keystore files (the format geth, MetaMask and web3j write).
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
            return directory.resolve(name);
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
