package dev.br2k.replication;

/**
 * Handles one request. May throw: an {@link HttpResponseException} becomes that HTTP status with a JSON
 * error message; any other exception becomes a 500 and the entry is recorded as {@code FAILED}.
 *
 * <p>A handler registered with {@link Br2kApp#replicate} runs on every replica and must be deterministic
 * in (local state, request): use {@link Br2kContext#timestamp()} and {@link Br2kContext#random()} instead
 * of the clock and an unseeded random. A handler that fails must leave the local state unchanged (use a
 * database transaction), because replicas skip {@code FAILED} entries.
 */
@FunctionalInterface
public interface Handler {
    void handle(Br2kContext ctx) throws Exception;
}
