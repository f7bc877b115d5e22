package dev.br2k.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.testkit.TestkitException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A small client for etcd's JSON gateway ({@code /v3/...}), over plain HTTP or HTTPS with a client
 * certificate, optionally with an etcd auth token. The testkit uses it instead of jetcd so that tests have
 * an independent view of the cluster next to the runtime's own client.
 */
public final class EtcdHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Plain HTTP, no auth. */
    public static final EtcdHttp PLAIN = new EtcdHttp(Optional.empty(), Optional.empty());

    private final HttpClient http;
    private final Optional<javax.net.ssl.SSLContext> tls;
    private final Optional<String> token;

    /** What a member says of itself: its id, the leader it believes in, and the Raft term. */
    public record Status(long memberId, long leaderId, long raftTerm) {
    }

    /** One entry of the member list. */
    public record Member(long id, String name, List<String> peerUrls, List<String> clientUrls) {
    }

    private EtcdHttp(Optional<javax.net.ssl.SSLContext> tls, Optional<String> token) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        tls.ifPresent(b::sslContext);
        this.http = b.build();
        this.tls = tls;
        this.token = token;
    }

    /** HTTPS with this context (trusted CA and client certificate). */
    public static EtcdHttp tls(javax.net.ssl.SSLContext context) {
        return new EtcdHttp(Optional.of(context), Optional.empty());
    }

    /** The same client, sending etcd's auth token of {@code user} (from {@code /v3/auth/authenticate}). */
    public EtcdHttp authenticated(URI clientUrl, String user, String password) {
        ObjectNode request = JSON.createObjectNode();
        request.put("name", user);
        request.put("password", password);
        String issued = post(clientUrl, "/v3/auth/authenticate", request).path("token").asText();
        return new EtcdHttp(tls, Optional.of(issued));
    }

    /** Any gateway call by path, e.g. {@code /v3/auth/user/add}; returns the answer. */
    public JsonNode call(URI clientUrl, String path, JsonNode body) {
        return post(clientUrl, path, body);
    }

    public Status status(URI clientUrl) {
        JsonNode body = post(clientUrl, "/v3/maintenance/status", JSON.createObjectNode());
        return new Status(unsigned(body.path("header").path("member_id")), unsigned(body.path("leader")),
                unsigned(body.path("raftTerm")));
    }

    public List<Member> members(URI clientUrl) {
        return parseMembers(post(clientUrl, "/v3/cluster/member/list", JSON.createObjectNode()));
    }

    /** Adds a member by its peer URL; returns the new member's id and the resulting member list. */
    public List<Member> addMember(URI clientUrl, String peerUrl) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("peerURLs").add(peerUrl);
        return parseMembers(post(clientUrl, "/v3/cluster/member/add", request));
    }

    public void removeMember(URI clientUrl, long memberId) {
        ObjectNode request = JSON.createObjectNode();
        request.put("ID", Long.toUnsignedString(memberId));
        post(clientUrl, "/v3/cluster/member/remove", request);
    }

    public void put(URI clientUrl, String key, String value) {
        ObjectNode request = JSON.createObjectNode();
        request.put("key", base64(key));
        request.put("value", base64(value));
        post(clientUrl, "/v3/kv/put", request);
    }

    /** A linearizable read of one key. */
    public Optional<String> get(URI clientUrl, String key) {
        ObjectNode request = JSON.createObjectNode();
        request.put("key", base64(key));
        JsonNode kvs = post(clientUrl, "/v3/kv/range", request).path("kvs");
        if (!kvs.isArray() || kvs.isEmpty()) {
            return Optional.empty();
        }
        String value = kvs.get(0).path("value").asText("");
        return Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
    }

    private static List<Member> parseMembers(JsonNode body) {
        List<Member> members = new ArrayList<>();
        for (JsonNode m : body.path("members")) {
            members.add(new Member(unsigned(m.path("ID")), m.path("name").asText(""),
                    strings(m.path("peerURLs")), strings(m.path("clientURLs"))));
        }
        return members;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static long unsigned(JsonNode node) {
        String text = node.asText("0");
        return text.isEmpty() ? 0 : Long.parseUnsignedLong(text);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode post(URI clientUrl, String path, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(clientUrl.resolve(path))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        token.ifPresent(t -> builder.header("Authorization", t));
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || json.has("error")) {
                throw new TestkitException("etcd at " + clientUrl + " refused " + path + ": "
                        + json.path("error").asText(response.body()));
            }
            return json;
        } catch (IOException e) {
            throw new TestkitException("etcd at " + clientUrl + " did not answer " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while calling etcd at " + clientUrl, e);
        }
    }
}
