package dev.br2k.infodid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.br2k.infodid.client.InfoDidClient;
import dev.br2k.infodid.client.InfoDidRequestException;
import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** Three InfoDID replicas in this JVM, each beside one member of a real 3-member etcd cluster. */
class InfoDidIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    static Path dir;

    static final List<InfoDid> replicas = new ArrayList<>();
    static List<URI> urls;

    @BeforeAll
    static void startReplicas() {
        List<URI> members = etcd.clientUrls();
        for (int i = 0; i < 3; i++) {
            List<URI> endpoints = new ArrayList<>(members);
            endpoints.add(0, endpoints.remove(i));
            String id = "r" + (i + 1);
            replicas.add(InfoDid.create(c -> c.serviceName("infodid").replicaId(id).etcdEndpoints(endpoints)
                    .stateDir(dir.resolve(id)).etcdTimeout(Duration.ofSeconds(3)).roleCheckInterval(Duration.ofMillis(100)))
                    .start());
        }
        urls = replicas.stream().map(InfoDid::url).toList();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> replicas.stream().filter(r -> r.role() == Role.LEADER).count() == 1);
    }

    @AfterAll
    static void stopReplicas() {
        replicas.forEach(InfoDid::close);
    }

    static InfoDidClient user() {
        try {
            return InfoDidClient.builder(Credentials.create(Keys.createEcKeyPair())).replicas(urls)
                    .timeout(Duration.ofSeconds(60)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_signed_profile_is_stored_in_every_replica_database() {
        InfoDidClient alice = user();
        Profile saved = alice.putProfile(ProfileDraft.builder("Alice").photo("ipfs://bafy-alice").education("KAIST, MSc")
                .career("BR2K, engineer").validUntil(Instant.parse("2030-01-01T00:00:00Z")).build());

        assertThat(alice.profile()).isEqualTo(saved);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (InfoDid r : replicas) {
                assertThat(r.store().profile(alice.did())).contains(saved);
            }
        });
    }

    @Test
    void a_request_with_a_forged_signature_is_refused_and_changes_nothing() throws Exception {
        InfoDidClient alice = user();
        InfoDidClient mallory = user();
        alice.putProfile(ProfileDraft.builder("Alice").build());

        // Mallory signs with her own key but sends to Alice's profile: the signer is Mallory, not the owner.
        assertThatThrownBy(() -> mallory.send("PUT", "/profiles/" + alice.did().address(), "{\"name\":\"Mallory\"}"))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> assertThat(e.status()).isEqualTo(403));

        // A request claiming Alice's DID with Mallory's signature is refused as unauthenticated.
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        var forged = new dev.br2k.infodid.auth.SignedRequest("PUT", "/profiles/" + alice.did().address(), System.currentTimeMillis(),
                "{\"name\":\"Mallory\"}");
        var request = java.net.http.HttpRequest.newBuilder(urls.get(0).resolve(forged.path()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(forged.body()))
                .header("Content-Type", "application/json")
                .header(dev.br2k.infodid.auth.SignedRequest.SIGNER_HEADER, alice.did().toString())
                .header(dev.br2k.infodid.auth.SignedRequest.NONCE_HEADER, Long.toString(forged.nonce()))
                .header(dev.br2k.infodid.auth.SignedRequest.SIGNATURE_HEADER,
                        dev.br2k.infodid.auth.RequestSigner.of(Credentials.create(Keys.createEcKeyPair())).signature(forged))
                .build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("not made by " + alice.did());

        assertThat(alice.profile().name()).isEqualTo("Alice");
    }

    @Test
    void a_replayed_request_is_refused_on_every_replica() {
        InfoDidClient alice = user();
        long nonce = System.currentTimeMillis();
        String path = "/profiles/" + alice.did().address();
        alice.send("PUT", path, "{\"name\":\"Alice\"}", nonce, UUID.randomUUID().toString());

        // The same signed request sent again (a new request id, as an attacker would) is a replay.
        assertThatThrownBy(() -> alice.send("PUT", path, "{\"name\":\"Alice\"}", nonce, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e).hasMessageContaining("already used");
                });
        // An older nonce too.
        assertThatThrownBy(() -> alice.send("PUT", path, "{\"name\":\"Old\"}", nonce - 1, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(alice.profile().name()).isEqualTo("Alice");
    }

    @Test
    void a_retry_with_the_same_request_id_gets_the_recorded_answer_and_is_not_a_replay() {
        InfoDidClient alice = user();
        long nonce = System.currentTimeMillis();
        String id = UUID.randomUUID().toString();
        String path = "/profiles/" + alice.did().address();
        var first = alice.send("PUT", path, "{\"name\":\"Alice\"}", nonce, id);
        var retry = alice.send("PUT", path, "{\"name\":\"Alice\"}", nonce, id);
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void a_third_party_reads_only_with_consent_and_every_read_is_logged_on_every_replica() {
        InfoDidClient alice = user();
        InfoDidClient bob = user();
        alice.putProfile(ProfileDraft.builder("Alice").education("SNU, BSc").build());

        assertThatThrownBy(() -> bob.readProfile(alice.did()))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e).hasMessageContaining("has not consented");
                });

        alice.grantConsent(bob.did(), Optional.empty());
        assertThat(alice.consents()).extracting(Consent::reader).containsExactly(bob.did());
        assertThat(bob.readProfile(alice.did()).education()).containsExactly("SNU, BSc");

        assertThat(alice.reads()).singleElement().satisfies(read -> assertThat(read.reader()).isEqualTo(bob.did()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (InfoDid r : replicas) {
                assertThat(r.store().reads(alice.did())).extracting(ProfileRead::reader).containsExactly(bob.did());
            }
        });

        alice.revokeConsent(bob.did());
        assertThatThrownBy(() -> bob.readProfile(alice.did()))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(alice.reads()).hasSize(1);
    }

    @Test
    void an_expired_consent_does_not_allow_a_read() {
        InfoDidClient alice = user();
        InfoDidClient carol = user();
        alice.putProfile(ProfileDraft.builder("Alice").build());
        alice.grantConsent(carol.did(), Optional.of(Instant.parse("2020-01-01T00:00:00Z")));

        assertThatThrownBy(() -> carol.readProfile(alice.did()))
                .isInstanceOfSatisfying(InfoDidRequestException.class, e -> assertThat(e).hasMessageContaining("ended at"));
    }

    @Test
    void a_follower_redirects_the_client_to_the_leader() {
        InfoDid follower = replicas.stream().filter(r -> r.role() != Role.LEADER).findFirst().orElseThrow();
        InfoDidClient dave = InfoDidClient.builder(newCredentials()).replica(follower.url()).build();
        assertThat(dave.putProfile(ProfileDraft.builder("Dave").build()).name()).isEqualTo("Dave");
    }

    @Test
    void a_malformed_profile_is_refused_naming_the_field() {
        InfoDidClient erin = user();
        assertThatThrownBy(() -> erin.send("PUT", "/profiles/" + erin.did().address(), "{\"name\":\"Erin\",\"education\":\"x\"}"))
                .hasMessageContaining("education must be a list");
    }

    private static Credentials newCredentials() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
