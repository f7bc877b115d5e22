package dev.br2k.replication.internal.leader;

import dev.br2k.replication.internal.log.ServiceStore;

/**
 * A leader commit whose answer never came (etcd timed out, or the write was cancelled when the leader
 * stopped): it may or may not have landed. Spec §1.4: "a commit whose outcome is unknown is resolved by
 * reading the log: present with the leader's fencing revision means it landed".
 *
 * @param firstIndex the first log index the commit wrote
 * @param lastIndex the last log index the commit wrote
 * @param requestId the request id of the entry at {@code lastIndex}
 */
public record UnknownCommit(long firstIndex, long lastIndex, String requestId) {
    /** What a read of the log says about the commit. */
    public enum Outcome {
        /** The commit is in etcd: every entry of it, with its final status, {@code log-size} and {@code lpi/me}. */
        LANDED,
        /** The commit is not in etcd and never will be: the fence it carries no longer holds. */
        NOT_LANDED,
        /** Not in etcd yet, and the fence still holds: a late delivery could still land it. Read again later. */
        UNDECIDED
    }

    public UnknownCommit {
        if (firstIndex < 1 || lastIndex < firstIndex) {
            throw new IllegalArgumentException("indices must satisfy 1 <= firstIndex <= lastIndex, were " + firstIndex
                    + ".." + lastIndex);
        }
    }

    /**
     * Decides from {@code read} (the entry at {@link #lastIndex()} and {@code leader}'s mod revision). A transaction
     * is atomic, so the entry at the last index stands for the whole commit. Only the holder of {@code fence} can
     * write between the fence's revision and the next takeover's, and this leader wrote each index once; so the
     * entry is this commit iff it carries the request id and was written inside that window.
     */
    public Outcome outcome(ServiceStore.Written read, Fence fence) {
        boolean fenceHolds = read.leaderRevision() == fence.revision();
        boolean inWindow = read.entryRevision() > fence.revision()
                && (fenceHolds || read.entryRevision() < read.leaderRevision());
        if (inWindow && read.entry().filter(e -> e.requestId().equals(requestId)).isPresent()) {
            return Outcome.LANDED;
        }
        return fenceHolds ? Outcome.UNDECIDED : Outcome.NOT_LANDED;
    }
}
