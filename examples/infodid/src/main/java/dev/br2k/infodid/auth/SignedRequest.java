package dev.br2k.infodid.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The text a user signs for one request (EIP-191 personal message): method, path, nonce and the
 * SHA-256 of the body. Signing the path binds the signature to the profile it acts on; signing the
 * body binds it to the content; the nonce stops a captured request from being replayed.
 *
 * @param method upper-case HTTP method
 * @param path   the request path, without query
 * @param nonce  strictly increasing per signer (clients use their clock in milliseconds)
 * @param body   the exact body bytes sent, as UTF-8 text
 */
public record SignedRequest(String method, String path, long nonce, String body) {
    /** The header carrying the signer's DID. */
    public static final String SIGNER_HEADER = "X-InfoDID-Signer";
    /** The header carrying the nonce, a decimal number. */
    public static final String NONCE_HEADER = "X-InfoDID-Nonce";
    /** The header carrying the 65-byte signature r‖s‖v in hex. */
    public static final String SIGNATURE_HEADER = "X-InfoDID-Signature";

    public SignedRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        if (nonce < 1) {
            throw new IllegalArgumentException("nonce must be positive, was " + nonce);
        }
    }

    /** The message that is signed, as bytes (before the Ethereum personal-message prefix). */
    public byte[] message() {
        String text = "InfoDID signed request\n" + method + " " + path + "\nnonce: " + nonce + "\nbody-sha256: " + sha256(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
