package dev.br2k.replication.internal.log;

import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.RouteType;
import java.util.Map;

/**
 * The value of {@code log/<index>} (spec §1.3, RLE): everything a replica needs to replay the request.
 *
 * @param route the route as registered, e.g. {@code /kv/{key}}
 */
public record LogEntry(
        String requestId,
        RouteType type,
        HttpMethod method,
        String route,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        Map<String, String> headers,
        String body,
        long timestamp,
        long seed) {

    public LogEntry {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public LogEntry stamped(long newTimestamp, long newSeed) {
        return new LogEntry(requestId, type, method, route, path, pathParams, query, headers, body, newTimestamp, newSeed);
    }
}
