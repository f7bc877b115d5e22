package dev.br2k.replication;

/** A leader-only operation was attempted on a replica that is not (or no longer) the leader. */
public class NotLeaderException extends Br2kException {
    public NotLeaderException(String message) {
        super(message);
    }
}
