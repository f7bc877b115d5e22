package dev.br2k.robustness.workload;

import java.util.Map;

/**
 * One client request, fixed once so that every retry sends exactly the same thing (same request id,
 * same signature, same nonce).
 */
public record PreparedRequest(String requestId, String method, String path, String body, Map<String, String> headers) {
    public PreparedRequest {
        headers = Map.copyOf(headers);
    }
}
