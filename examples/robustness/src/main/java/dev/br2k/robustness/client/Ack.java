package dev.br2k.robustness.client;

/**
 * A request the client saw acknowledged (HTTP 200).
 *
 * @param requestId    the client request id it was sent (and retried) with
 * @param client       which client sent it
 * @param firstSent    run time when its first attempt started (ns)
 * @param attemptStart run time when the acknowledged attempt started (ns)
 * @param acked        run time when the acknowledgement arrived (ns)
 * @param replica      the replica that answered (after redirects)
 * @param attempts     attempts it took, 1 when the first one succeeded
 * @param applied      how many times the request was applied as the answer says (1 when it does not tell)
 */
public record Ack(String requestId, int client, long firstSent, long attemptStart, long acked, String replica,
                  int attempts, long applied) {
}
