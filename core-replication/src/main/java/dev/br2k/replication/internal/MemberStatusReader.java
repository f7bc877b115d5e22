package dev.br2k.replication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.replication.internal.access.EtcdAccess;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.maintenance.StatusResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the status of the replica's co-located etcd member (who leads, in which term) through etcd's
 * JSON gateway ({@code POST /v3/maintenance/status}) over one kept-alive HTTP(S) connection. The role
 * loop asks every role check (100 ms by default); jetcd's {@code statusMember} opens and closes a
 * gRPC channel on each call, which was half of the role loops' CPU in a profile.
 */
final class MemberStatusReader {

    private final HttpClient http;
    private final URI statusUri;
    private final Duration timeout;

    MemberStatusReader(URI endpoint, Duration timeout) {
        this(endpoint, timeout, EtcdAccess.plain());
    }

    /** Over HTTPS with the client certificate when {@code access} has TLS. */
    MemberStatusReader(URI endpoint, Duration timeout, EtcdAccess access) {
        this.timeout = timeout;
        this.statusUri = endpoint.resolve("/v3/maintenance/status");
        this.http = access.httpClient(timeout);
    }

    /**
     * The member's status, or empty when it does not answer within the timeout or answers an error.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    Optional<StatusResponse> read() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(statusUri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** jetcd's {@link StatusResponse} from the gateway's JSON (header fields in snake case, 64-bit numbers as strings). */
    static StatusResponse parse(byte[] json) throws IOException {
        JsonNode root = Json.MAPPER.readTree(json);
        JsonNode header = root.path("header");
        return new StatusResponse(io.etcd.jetcd.api.StatusResponse.newBuilder()
                .setHeader(ResponseHeader.newBuilder()
                        .setClusterId(number(header, "cluster_id"))
                        .setMemberId(number(header, "member_id"))
                        .setRevision(number(header, "revision"))
                        .setRaftTerm(number(header, "raft_term")))
                .setVersion(root.path("version").asText(""))
                .setDbSize(number(root, "dbSize"))
                .setLeader(number(root, "leader"))
                .setRaftIndex(number(root, "raftIndex"))
                .setRaftTerm(number(root, "raftTerm"))
                .build());
    }

    /** An unsigned 64-bit number the gateway writes as a string; 0 when absent (proto3's default). */
    static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? 0 : Long.parseUnsignedLong(value.asText());
    }
}
