package dev.br2k.infodid.auth;

import dev.br2k.infodid.Did;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Recovers the signer of a {@link SignedRequest} (web3j's EIP-191 recovery) and compares it with the claimed DID. */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /**
     * Checks that {@code signatureHex} over {@code request} was made by {@code claimed}.
     *
     * @throws UnauthorizedResponse saying whether the signature is malformed or made by another key
     */
    public static void verify(SignedRequest request, Did claimed, String signatureHex) {
        byte[] sig;
        try {
            String hex = signatureHex.startsWith("0x") ? signatureHex.substring(2) : signatureHex;
            sig = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedResponse(SignedRequest.SIGNATURE_HEADER + " is not hex");
        }
        if (sig.length != 65) {
            throw new UnauthorizedResponse(SignedRequest.SIGNATURE_HEADER + " must be 65 bytes (r, s, v), was " + sig.length);
        }
        byte v = sig[64];
        if (v < 27) {
            v += 27;
        }
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
        Did recovered;
        try {
            recovered = Did.ofAddress(Keys.getAddress(Sign.signedPrefixedMessageToKey(request.message(), data)));
        } catch (SignatureException | IllegalArgumentException e) {
            throw new UnauthorizedResponse("the signature cannot be checked (" + e.getMessage() + ")");
        }
        if (!recovered.equals(claimed)) {
            throw new UnauthorizedResponse("the signature was not made by " + claimed
                    + ": sign method, path, nonce and body with that DID's key");
        }
    }
}
