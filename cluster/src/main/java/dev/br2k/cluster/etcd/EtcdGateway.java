package dev.br2k.cluster.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cluster.MemberInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * etcd through its JSON gateway ({@code POST /v3/...} on the client port), so this module needs no
 * gRPC stack. Each request tries the endpoints in order until one answers.
 */
public final class EtcdGateway implements EtcdAccess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RECONFIGURE_PATIENCE = Duration.ofSeconds(30);

    private final Supplier<List<URI>> endpoints;
    private final HttpClient http;

    private EtcdGateway(Supplier<List<URI>> endpoints, HttpClient http) {
        this.endpoints = endpoints;
        this.http = http;
    }

    /** A gateway to these client URLs, e.g. {@code http://127.0.0.1:2379}. */
    public static EtcdGateway of(List<URI> endpoints) {
        return new EtcdGateway(nonEmpty(endpoints), defaultClient());
    }

    /**
     * A gateway to {@code https://} client URLs of an etcd that requires client certificates: {@code tls} gives the
     * CA and the certificate it presents. The server's certificate must name the host of each URL.
     */
    public static EtcdGateway of(List<URI> endpoints, EtcdClientTls tls) {
        for (URI u : endpoints) {
            if (!"https".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("etcd client TLS needs https:// endpoints, was " + u);
            }
        }
        return new EtcdGateway(nonEmpty(endpoints),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(tls.sslContext()).build());
    }

    private static Supplier<List<URI>> nonEmpty(List<URI> endpoints) {
        List<URI> copy = List.copyOf(endpoints);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("endpoints must not be empty");
        }
        return () -> copy;
    }

    /** A gateway whose endpoints are looked up for every request (they change as replicas come and go). */
    public static EtcdGateway dynamic(Supplier<List<URI>> endpoints) {
        return new EtcdGateway(endpoints, defaultClient());
    }

    private static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public List<MemberInfo> members() {
        return parseMembers(post("/v3/cluster/member/list", JSON.createObjectNode()).path("members"));
    }

    @Override
    public MemberInfo addMember(String peerUrl) {
        return add(peerUrl, false);
    }

    @Override
    public MemberInfo addLearner(String peerUrl) {
        return add(peerUrl, true);
    }

    @Override
    public boolean promote(String memberIdHex) {
        ObjectNode body = JSON.createObjectNode();
        body.put("ID", Long.toUnsignedString(Long.parseUnsignedLong(memberIdHex, 16)));
        try {
            post("/v3/cluster/member/promote", body);
            return true;
        } catch (EtcdUnavailableException e) {
            String m = e.getMessage();
            if (m.contains("can only promote a learner member")) {
                // "... which is in sync with leader": not caught up yet. Without that tail the member is not a
                // learner, or (etcd 3.4, a promote forwarded by a follower to the leader) the same not-ready
                // refusal with its tail lost: the member list tells which.
                return !m.contains("in sync with leader") && votes(memberIdHex);
            }
            if (m.contains("unhealthy cluster") || m.contains("timed out")) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the member is in the cluster and not a learner. */
    private boolean votes(String memberIdHex) {
        for (JsonNode m : post("/v3/cluster/member/list", JSON.createObjectNode()).path("members")) {
            if (Long.toHexString(Long.parseUnsignedLong(m.path("ID").asText("0"))).equals(memberIdHex)) {
                return !m.path("isLearner").asBoolean(false);
            }
        }
        return false;
    }

    private MemberInfo add(String peerUrl, boolean learner) {
        Optional<MemberInfo> existing = members().stream().filter(m -> m.peerUrls().contains(peerUrl)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = JSON.createObjectNode();
        body.putArray("peerURLs").add(peerUrl);
        if (learner) {
            body.put("isLearner", true);
        }
        long deadline = System.nanoTime() + RECONFIGURE_PATIENCE.toNanos();
        long backoff = 200;
        while (true) {
            try {
                JsonNode reply = post("/v3/cluster/member/add", body);
                return parseMember(reply.path("member"));
            } catch (EtcdUnavailableException e) {
                // "member not found": etcd derives a member's id from its peer URLs and the second it is
                // added, so adding a URL again within the second of its previous add (removed since) gets the
                // removed id back and is refused; the next second it is not. "peerURL exists": an earlier attempt of this add went
                // through; the look below finds it.
                boolean retryable = e.getMessage().contains("unhealthy cluster") || e.getMessage().contains("too many learner")
                        || e.getMessage().contains("timed out") || e.getMessage().contains("member not found")
                        || e.getMessage().contains("peerURL exists");
                // A retried add may have gone through already: look before adding again.
                Optional<MemberInfo> added = safeMembers().stream().filter(m -> m.peerUrls().contains(peerUrl)).findFirst();
                if (added.isPresent()) {
                    return added.get();
                }
                if (!retryable || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    @Override
    public boolean removeMember(String memberIdHex) {
        long id = Long.parseUnsignedLong(memberIdHex, 16);
        if (members().stream().noneMatch(m -> m.id().equals(memberIdHex))) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("ID", Long.toUnsignedString(id));
        long deadline = System.nanoTime() + RECONFIGURE_PATIENCE.toNanos();
        long backoff = 200;
        while (true) {
            try {
                post("/v3/cluster/member/remove", body);
                return true;
            } catch (EtcdUnavailableException e) {
                if (e.getMessage().contains("member not found")
                        || safeMembers().stream().noneMatch(m -> m.id().equals(memberIdHex))) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    @Override
    public Map<String, String> range(String prefix) {
        byte[] key = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] end = key.clone();
        end[end.length - 1]++;
        ObjectNode body = JSON.createObjectNode();
        body.put("key", Base64.getEncoder().encodeToString(key));
        body.put("range_end", Base64.getEncoder().encodeToString(end));
        JsonNode reply = post("/v3/kv/range", body);
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode kv : reply.path("kvs")) {
            out.put(new String(Base64.getDecoder().decode(kv.path("key").asText()), StandardCharsets.UTF_8),
                    new String(Base64.getDecoder().decode(kv.path("value").asText("")), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The leader id (hex) as the member at {@code endpoint} believes it. */
    public String leaderSeenBy(URI endpoint) {
        JsonNode reply = postTo(endpoint, "/v3/maintenance/status", JSON.createObjectNode());
        return Long.toHexString(Long.parseUnsignedLong(reply.path("leader").asText("0")));
    }

    private List<MemberInfo> safeMembers() {
        try {
            return members();
        } catch (EtcdUnavailableException e) {
            return List.of();
        }
    }

    private JsonNode post(String path, JsonNode body) {
        List<URI> targets = endpoints.get();
        EtcdUnavailableException last = null;
        for (URI endpoint : targets) {
            try {
                return postTo(endpoint, path, body);
            } catch (EtcdUnavailableException e) {
                if (e.getCause() == null) {
                    throw e; // etcd answered with an error: another member would say the same
                }
                last = e;
            }
        }
        throw new EtcdUnavailableException("No etcd member answered " + path + " (tried " + targets
                + "). Check that the replicas' etcd members are running.", last);
    }

    private JsonNode postTo(URI endpoint, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (javax.net.ssl.SSLException e) {
            throw new EtcdUnavailableException("etcd at " + endpoint + " refused the TLS handshake or was not trusted (" + e
                    + "). Check that the etcd client Secret's ca.crt signed etcd's server certificate, that the certificate"
                    + " names " + endpoint.getHost() + ", and that etcd's --trusted-ca-file signed tls.crt.", e);
        } catch (IOException e) {
            throw new EtcdUnavailableException("etcd at " + endpoint + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdUnavailableException("Interrupted while calling etcd at " + endpoint, e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new EtcdUnavailableException("etcd at " + endpoint + " answered " + path + " with something that is not JSON: "
                    + response.body(), e);
        }
        if (response.statusCode() != 200 || json.has("error")) {
            String message = json.path("error").asText(json.path("message").asText(response.body()));
            throw new EtcdUnavailableException("etcd at " + endpoint + " refused " + path + ": " + message, null);
        }
        return json;
    }

    private static List<MemberInfo> parseMembers(JsonNode members) {
        List<MemberInfo> out = new ArrayList<>();
        for (JsonNode m : members) {
            out.add(parseMember(m));
        }
        return out;
    }

    private static MemberInfo parseMember(JsonNode m) {
        List<String> peers = new ArrayList<>();
        m.path("peerURLs").forEach(u -> peers.add(u.asText()));
        List<String> clients = new ArrayList<>();
        m.path("clientURLs").forEach(u -> clients.add(u.asText()));
        return new MemberInfo(Long.toHexString(Long.parseUnsignedLong(m.path("ID").asText("0"))),
                m.path("name").asText(""), peers, clients);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdUnavailableException("Interrupted while waiting to retry an etcd membership change", e);
        }
    }
}
