package dev.br2k.infodid.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.infodid.Consent;
import dev.br2k.infodid.Did;
import dev.br2k.infodid.Profile;
import dev.br2k.infodid.ProfileDraft;
import dev.br2k.infodid.ProfileRead;
import dev.br2k.infodid.auth.RequestSigner;
import dev.br2k.infodid.auth.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.web3j.crypto.Credentials;

/**
 * A user's client for InfoDID: signs every request with the user's key and finds the leader.
 *
 * <pre>{@code
 * InfoDidClient alice = InfoDidClient.builder(aliceCredentials).replicas(urls).build();
 * alice.putProfile(ProfileDraft.builder("Alice").education("KAIST, MSc").build());
 * alice.grantConsent(bob.did(), Optional.empty());
 * Profile p = bob.readProfile(alice.did());      // logged in alice's read log on every replica
 * }</pre>
 *
 * <p>Each call carries a fresh {@code Br2k-Request-Id}; when a replica is unreachable or answers 503
 * the call is retried with the same id on the next replica until {@link Builder#timeout} passes, so a
 * retried write is applied at most once. A follower redirects to the leader (307), which the client
 * follows. When the call fails with an {@link InfoDidUnavailableException}, the service may still have
 * applied the request.
 */
public final class InfoDidClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RequestSigner signer;
    private final List<URI> replicas;
    private final Duration timeout;
    private final HttpClient http;
    private volatile int preferred;

    private InfoDidClient(Builder b) {
        this.signer = RequestSigner.of(b.credentials);
        this.replicas = List.copyOf(b.replicas);
        this.timeout = b.timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    public static Builder builder(Credentials credentials) {
        return new Builder(credentials);
    }

    /** The DID this client signs as. */
    public Did did() {
        return signer.did();
    }

    /** Creates or replaces the user's own profile. */
    public Profile putProfile(ProfileDraft draft) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", draft.name());
        draft.photo().ifPresent(v -> body.put("photo", v));
        var education = body.putArray("education");
        draft.education().forEach(education::add);
        var career = body.putArray("career");
        draft.career().forEach(career::add);
        draft.validUntil().ifPresent(v -> body.put("validUntil", v.toString()));
        return Parsing.profile(send("PUT", "/profiles/" + did().address(), body.toString()));
    }

    /** The user's own profile. */
    public Profile profile() {
        return Parsing.profile(send("GET", "/profiles/" + did().address(), ""));
    }

    /** Deletes the user's profile and consents; answers whether there was one. */
    public boolean deleteProfile() {
        return send("DELETE", "/profiles/" + did().address(), "").path("deleted").asBoolean();
    }

    /** Lets {@code reader} read the user's profile, until {@code until} (empty: until revoked). */
    public Consent grantConsent(Did reader, Optional<Instant> until) {
        ObjectNode body = JSON.createObjectNode();
        until.ifPresent(v -> body.put("until", v.toString()));
        return Parsing.consent(send("PUT", "/profiles/" + did().address() + "/consents/" + reader.address(), body.toString()));
    }

    public boolean revokeConsent(Did reader) {
        return send("DELETE", "/profiles/" + did().address() + "/consents/" + reader.address(), "").path("revoked").asBoolean();
    }

    public List<Consent> consents() {
        List<Consent> out = new ArrayList<>();
        send("GET", "/profiles/" + did().address() + "/consents", "").forEach(n -> out.add(Parsing.consent(n)));
        return out;
    }

    /** Reads another user's profile with their consent; the read is logged on every replica. */
    public Profile readProfile(Did owner) {
        return Parsing.profile(send("POST", "/profiles/" + owner.address() + "/reads", ""));
    }

    /** Who read the user's profile, oldest first. */
    public List<ProfileRead> reads() {
        List<ProfileRead> out = new ArrayList<>();
        send("GET", "/profiles/" + did().address() + "/reads", "").forEach(n -> out.add(Parsing.read(n)));
        return out;
    }

    /** Records a chain transaction the user made (an external-txn entry: logged, processed by no one). */
    public void logTransaction(String txHash) {
        ObjectNode body = JSON.createObjectNode();
        body.put("txHash", txHash);
        send("POST", "/txlog", body.toString());
    }

    /**
     * Signs and sends one request; answers the JSON body of a 2xx response.
     *
     * @throws InfoDidRequestException when the service refuses the request (4xx, or 500)
     * @throws InfoDidUnavailableException when no replica answered in time
     */
    public JsonNode send(String method, String path, String body) {
        return send(method, path, body, signer.nextNonce(), UUID.randomUUID().toString());
    }

    /** Sends with a given nonce and request id (to show what a replay does). */
    public JsonNode send(String method, String path, String body, long nonce, String requestId) {
        SignedRequest signed = new SignedRequest(method, path, nonce, body);
        HttpRequest.Builder template = HttpRequest.newBuilder().timeout(Duration.ofSeconds(15))
                .method(signed.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Br2k-Request-Id", requestId);
        signer.headers(signed).forEach(template::header);
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastProblem = "no replica was tried";
        int attempt = 0;
        while (true) {
            int index = Math.floorMod(preferred + attempt, replicas.size());
            URI target = replicas.get(index).resolve(path);
            try {
                HttpResponse<String> response = http.send(template.copy().uri(target).build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    preferred = index;
                    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                }
                String message = errorMessage(response.body());
                if (status != 503 && status != 502 && status != 504) {
                    throw new InfoDidRequestException(status, message);
                }
                lastProblem = target + " answered " + status + ": " + message;
            } catch (IOException e) {
                lastProblem = target + " is unreachable (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfoDidUnavailableException("interrupted while sending " + method + " " + path, e);
            }
            attempt++;
            if (System.nanoTime() > deadline) {
                throw new InfoDidUnavailableException("no InfoDID replica served " + method + " " + path + " within "
                        + timeout.toSeconds() + " s; last: " + lastProblem + ". The request may still have been applied.", null);
            }
            if (attempt % replicas.size() == 0) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InfoDidUnavailableException("interrupted while retrying " + method + " " + path, e);
                }
            }
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                return n.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: use the text
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    public static final class Builder {
        private final Credentials credentials;
        private final List<URI> replicas = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /** The replicas' base URLs; any one of them will do, the others are tried when it fails. */
        public Builder replicas(List<URI> urls) {
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("replicas must name at least one URL");
            }
            replicas.clear();
            replicas.addAll(urls);
            return this;
        }

        public Builder replica(URI url) {
            replicas.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        /** How long one call keeps retrying unreachable or unavailable replicas. Default 30 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public InfoDidClient build() {
            if (replicas.isEmpty()) {
                throw new IllegalStateException("give the replicas' URLs with replicas(...) or replica(...)");
            }
            return new InfoDidClient(this);
        }
    }
}
