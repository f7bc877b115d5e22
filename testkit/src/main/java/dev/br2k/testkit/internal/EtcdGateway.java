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
 * A small client for etcd's JSON gateway ({@code /v3/...}). The testkit uses it instead of jetcd so
 * that tests have an independent view of the cluster next to the runtime's own client.
 */
public final class EtcdGateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What a member says of itself: its id, the leader it believes in, and the Raft term. */
    public record Status(long memberId, long leaderId, long raftTerm) {
    }

    /** One entry of the member list. */
    public record Member(long id, String name, List<String> peerUrls, List<String> clientUrls) {
    }

    private EtcdGateway() {
    }

    public static Status status(URI clientUrl) {
        JsonNode body = post(clientUrl, "/v3/maintenance/status", JSON.createObjectNode());
        return new Status(unsigned(body.path("header").path("member_id")), unsigned(body.path("leader")),
                unsigned(body.path("raftTerm")));
    }

    public static List<Member> members(URI clientUrl) {
        return parseMembers(post(clientUrl, "/v3/cluster/member/list", JSON.createObjectNode()));
    }

    /** Adds a member by its peer URL; returns the new member's id and the resulting member list. */
    public static List<Member> addMember(URI clientUrl, String peerUrl) {
        ObjectNode request = JSON.createObjectNode();
        request.putArray("peerURLs").add(peerUrl);
        return parseMembers(post(clientUrl, "/v3/cluster/member/add", request));
    }

    public static void removeMember(URI clientUrl, long memberId) {
        ObjectNode request = JSON.createObjectNode();
        request.put("ID", Long.toUnsignedString(memberId));
        post(clientUrl, "/v3/cluster/member/remove", request);
    }

    public static void put(URI clientUrl, String key, String value) {
        ObjectNode request = JSON.createObjectNode();
        request.put("key", base64(key));
        request.put("value", base64(value));
        post(clientUrl, "/v3/kv/put", request);
    }

    /** A linearizable read of one key. */
    public static Optional<String> get(URI clientUrl, String key) {
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

    private static JsonNode post(URI clientUrl, String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(clientUrl.resolve(path))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
