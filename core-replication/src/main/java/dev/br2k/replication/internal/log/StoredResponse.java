package dev.br2k.replication.internal.log;

/** The answer recorded with an entry, returned again to a client that retries the same request id. */
public record StoredResponse(int status, String contentType, String body) {
    public static StoredResponse json(int status, String body) {
        return new StoredResponse(status, "application/json", body);
    }
}
