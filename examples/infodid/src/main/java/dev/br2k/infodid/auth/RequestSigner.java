package dev.br2k.infodid.auth;

import dev.br2k.infodid.Did;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/**
 * Signs requests for one user with their Ethereum key. Nonces are the clock in milliseconds, bumped
 * so that they strictly increase even for requests within one millisecond. Thread-safe.
 */
public final class RequestSigner {
    private final Credentials credentials;
    private final Did did;
    private final AtomicLong lastNonce = new AtomicLong();

    private RequestSigner(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.did = Did.ofAddress(credentials.getAddress());
    }

    public static RequestSigner of(Credentials credentials) {
        return new RequestSigner(credentials);
    }

    public Did did() {
        return did;
    }

    /** The next nonce: at least the clock in milliseconds, always larger than the previous one. */
    public long nextNonce() {
        long now = System.currentTimeMillis();
        return lastNonce.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** The three headers that authenticate {@code request}. */
    public Map<String, String> headers(SignedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignedRequest.SIGNER_HEADER, did.toString());
        headers.put(SignedRequest.NONCE_HEADER, Long.toString(request.nonce()));
        headers.put(SignedRequest.SIGNATURE_HEADER, signature(request));
        return headers;
    }

    /** The request's signature, r‖s‖v as {@code 0x}-prefixed hex. */
    public String signature(SignedRequest request) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(request.message(), credentials.getEcKeyPair());
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return "0x" + HexFormat.of().formatHex(out);
    }
}
