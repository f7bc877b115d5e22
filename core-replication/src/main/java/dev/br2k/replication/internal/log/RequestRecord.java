package dev.br2k.replication.internal.log;

/**
 * The value of {@code request/<state version>/<client request id>}: the entry's index, and once the
 * leader recorded its outcome, the stored response. The response lives here as well as in
 * {@code status/<index>} so that a retry is still answered after a backup compacted the log away.
 */
public record RequestRecord(long index, StoredResponse response) {
    public static RequestRecord appended(long index) {
        return new RequestRecord(index, null);
    }

    public boolean answered() {
        return response != null;
    }
}
