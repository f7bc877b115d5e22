package dev.br2k.registry.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * ECIES over secp256k1 exactly as eciesjs 0.5 does it with its default configuration, so that other
 * tools can decrypt what BR2K writes and BR2K can decrypt what they write.
 *
 * <p>Payload: {@code ephemeral public key (65 bytes, uncompressed) || nonce (16) || tag (16) ||
 * ciphertext}. The AES-256-GCM key is {@code HKDF-SHA256(ikm = ephemeral public key (65) || shared
 * point (65, uncompressed), no salt, no info, 32 bytes)}, the shared point being the receiver's public
 * key times the ephemeral secret. The payload is 97 bytes longer than the plaintext.
 *
 * <p>Ciphertext on a chain is public forever: encrypt small records and keep long-lived secrets off
 * the chain.
 */
public final class Ecies {

    /** Bytes added to the plaintext: ephemeral key, nonce and tag. */
    public static final int OVERHEAD = 65 + 16 + 16;

    private static final int NONCE_LENGTH = 16;
    private static final int TAG_LENGTH = 16;
    private static final int UNCOMPRESSED_KEY_LENGTH = 65;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ecies() {
    }

    /**
     * Encrypts to a secp256k1 public key given as 65 bytes (uncompressed, {@code 04 || x || y}),
     * 64 bytes ({@code x || y}, as Ethereum tools print it) or 33 bytes (compressed).
     */
    public static byte[] encrypt(byte[] receiverPublicKey, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        ECPoint receiver = decodePoint(receiverPublicKey);
        BigInteger ephemeralSecret = randomSecret();
        byte[] ephemeralPublic = Sign.CURVE_PARAMS.getG().multiply(ephemeralSecret).normalize().getEncoded(false);
        byte[] key = deriveKey(ephemeralPublic, receiver.multiply(ephemeralSecret));
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] sealed = gcm(true, key, nonce, plaintext); // ciphertext || tag
        int cipherLength = sealed.length - TAG_LENGTH;
        byte[] out = new byte[UNCOMPRESSED_KEY_LENGTH + NONCE_LENGTH + TAG_LENGTH + cipherLength];
        System.arraycopy(ephemeralPublic, 0, out, 0, UNCOMPRESSED_KEY_LENGTH);
        System.arraycopy(nonce, 0, out, UNCOMPRESSED_KEY_LENGTH, NONCE_LENGTH);
        System.arraycopy(sealed, cipherLength, out, UNCOMPRESSED_KEY_LENGTH + NONCE_LENGTH, TAG_LENGTH);
        System.arraycopy(sealed, 0, out, UNCOMPRESSED_KEY_LENGTH + NONCE_LENGTH + TAG_LENGTH, cipherLength);
        return out;
    }

    /** Encrypts to the public key of a web3j key pair's 64-byte public key ({@code x || y}). */
    public static byte[] encrypt(BigInteger receiverPublicKey, byte[] plaintext) {
        return encrypt(Numeric.toBytesPadded(receiverPublicKey, 64), plaintext);
    }

    /** Encrypts to the account behind {@code receiver}. */
    public static byte[] encrypt(Credentials receiver, byte[] plaintext) {
        return encrypt(receiver.getEcKeyPair().getPublicKey(), plaintext);
    }

    /**
     * Decrypts a payload made by {@link #encrypt} or by eciesjs.
     *
     * @throws DecryptionFailedException if the payload is too short, was changed, or was encrypted to
     *                                   another key
     */
    public static byte[] decrypt(BigInteger receiverSecret, byte[] payload) {
        Objects.requireNonNull(receiverSecret, "receiverSecret");
        Objects.requireNonNull(payload, "payload");
        if (payload.length < OVERHEAD) {
            throw new DecryptionFailedException("The encrypted value is " + payload.length
                    + " bytes, shorter than the " + OVERHEAD + " bytes every ECIES payload has: it is truncated or not ECIES.");
        }
        byte[] ephemeralPublic = Arrays.copyOfRange(payload, 0, UNCOMPRESSED_KEY_LENGTH);
        ECPoint ephemeral;
        try {
            ephemeral = decodePoint(ephemeralPublic);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("The encrypted value does not start with a valid secp256k1 public key: it was changed or is not ECIES.", e);
        }
        byte[] key = deriveKey(ephemeralPublic, ephemeral.multiply(receiverSecret));
        byte[] nonce = Arrays.copyOfRange(payload, UNCOMPRESSED_KEY_LENGTH, UNCOMPRESSED_KEY_LENGTH + NONCE_LENGTH);
        byte[] tag = Arrays.copyOfRange(payload, UNCOMPRESSED_KEY_LENGTH + NONCE_LENGTH, OVERHEAD);
        byte[] ciphertext = Arrays.copyOfRange(payload, OVERHEAD, payload.length);
        byte[] sealed = new byte[ciphertext.length + TAG_LENGTH];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, TAG_LENGTH);
        try {
            return gcm(false, key, nonce, sealed);
        } catch (IllegalStateException e) {
            throw new DecryptionFailedException("The encrypted value failed its integrity check: it was changed, truncated, "
                    + "or encrypted to another account's key.", e);
        }
    }

    /** Decrypts with the secret key of {@code keyPair}. */
    public static byte[] decrypt(ECKeyPair keyPair, byte[] payload) {
        return decrypt(keyPair.getPrivateKey(), payload);
    }

    /** Decrypts with the account behind {@code credentials}. */
    public static byte[] decrypt(Credentials credentials, byte[] payload) {
        return decrypt(credentials.getEcKeyPair(), payload);
    }

    /** The 65-byte uncompressed public key of an account, the form eciesjs prints. */
    public static byte[] uncompressedPublicKey(Credentials credentials) {
        return decodePoint(Numeric.toBytesPadded(credentials.getEcKeyPair().getPublicKey(), 64)).getEncoded(false);
    }

    private static ECPoint decodePoint(byte[] key) {
        Objects.requireNonNull(key, "receiverPublicKey");
        byte[] encoded = key;
        if (key.length == 64) {
            encoded = new byte[65];
            encoded[0] = 0x04;
            System.arraycopy(key, 0, encoded, 1, 64);
        } else if (key.length != 65 && key.length != 33) {
            throw new IllegalArgumentException("A secp256k1 public key is 33, 64 or 65 bytes, was " + key.length);
        }
        ECPoint point = Sign.CURVE_PARAMS.getCurve().decodePoint(encoded).normalize();
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("Not a point on secp256k1");
        }
        return point;
    }

    private static BigInteger randomSecret() {
        BigInteger n = Sign.CURVE_PARAMS.getN();
        BigInteger secret;
        do {
            secret = new BigInteger(256, RANDOM);
        } while (secret.signum() == 0 || secret.compareTo(n) >= 0);
        return secret;
    }

    private static byte[] deriveKey(byte[] ephemeralPublic, ECPoint sharedPoint) {
        byte[] shared = sharedPoint.normalize().getEncoded(false);
        byte[] ikm = new byte[ephemeralPublic.length + shared.length];
        System.arraycopy(ephemeralPublic, 0, ikm, 0, ephemeralPublic.length);
        System.arraycopy(shared, 0, ikm, ephemeralPublic.length, shared.length);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, null, null));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] input) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM authentication failed", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
