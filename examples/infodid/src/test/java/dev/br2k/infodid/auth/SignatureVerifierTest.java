package dev.br2k.infodid.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.infodid.Did;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

class SignatureVerifierTest {
    private final Credentials alice = Credentials.create(keyPair());
    private final Credentials mallory = Credentials.create(keyPair());
    private final RequestSigner signer = RequestSigner.of(alice);
    private final SignedRequest request = new SignedRequest("PUT", "/profiles/" + signer.did().address(), 42, "{\"name\":\"Alice\"}");

    private static org.web3j.crypto.ECKeyPair keyPair() {
        try {
            return Keys.createEcKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_request_signed_by_the_claimed_did_is_accepted() {
        assertThatCode(() -> SignatureVerifier.verify(request, signer.did(), signer.signature(request))).doesNotThrowAnyException();
    }

    @Test
    void a_signature_by_another_key_is_refused_naming_the_claimed_did() {
        String forged = RequestSigner.of(mallory).signature(request);
        assertThatThrownBy(() -> SignatureVerifier.verify(request, signer.did(), forged))
                .isInstanceOf(UnauthorizedResponse.class)
                .hasMessageContaining("not made by " + signer.did());
    }

    @Test
    void a_signature_over_another_body_is_refused() {
        SignedRequest altered = new SignedRequest("PUT", request.path(), 42, "{\"name\":\"Mallory\"}");
        assertThatThrownBy(() -> SignatureVerifier.verify(altered, signer.did(), signer.signature(request)))
                .isInstanceOf(UnauthorizedResponse.class);
    }

    @Test
    void a_signature_over_another_path_is_refused() {
        SignedRequest moved = new SignedRequest("PUT", "/profiles/0x" + "1".repeat(40), 42, request.body());
        assertThatThrownBy(() -> SignatureVerifier.verify(moved, signer.did(), signer.signature(request)))
                .isInstanceOf(UnauthorizedResponse.class);
    }

    @Test
    void a_malformed_signature_says_what_is_wrong() {
        assertThatThrownBy(() -> SignatureVerifier.verify(request, signer.did(), "0x1234"))
                .hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> SignatureVerifier.verify(request, signer.did(), "zz"))
                .hasMessageContaining("not hex");
    }

    @Test
    void nonces_strictly_increase() {
        long a = signer.nextNonce();
        long b = signer.nextNonce();
        org.assertj.core.api.Assertions.assertThat(b).isGreaterThan(a);
    }

    @Test
    void did_ethr_with_a_network_names_the_same_user() {
        org.assertj.core.api.Assertions.assertThat(Did.parse("did:ethr:0x7a69:" + signer.did().address().toUpperCase().replace("0X", "0x")))
                .isEqualTo(signer.did());
        assertThatThrownBy(() -> Did.parse("did:web:example.org")).hasMessageContaining("did:ethr:0x");
    }
}
