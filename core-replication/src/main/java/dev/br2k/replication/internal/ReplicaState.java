package dev.br2k.replication.internal;

import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.log.ServiceStore;
import java.net.URI;
import java.util.Optional;

/**
 * What one replica knows about itself and the service: its role, how far its local state goes ({@code lpi} in
 * state version {@code ssv}) and what it last read of the service's keys. Every change is a named transition;
 * the role changes only through the {@link RoleController} (package-private), everything else through the feature
 * that causes it. Changes to {@code lpi} and {@code ssv} happen under the replica's state lock, together with the
 * local state they describe; the fields are volatile so that status, metrics and the role loop read them at any
 * time.
 */
public final class ReplicaState {
    private volatile Role role = Role.FOLLOWER;
    private volatile boolean running;
    private volatile URI url;
    private volatile long lpi;
    private volatile long ssv = 1;
    private volatile long ssi;
    private volatile long logSize;
    private volatile long stateVersion = 1;
    private volatile Optional<LeaderValue> knownLeader = Optional.empty();
    private volatile Optional<BackupRecord> lastBackup = Optional.empty();
    private volatile Optional<String> recoveryProblem = Optional.empty();
    private volatile Optional<String> applyProblem = Optional.empty();
    private volatile boolean reloadProgress = true;
    private volatile long restoredThrough;

    public Role role() {
        return role;
    }

    /** Whether the replica has started and is not closing. */
    public boolean running() {
        return running;
    }

    /** Where this replica's HTTP server is reached (set when it starts). */
    public URI url() {
        return url;
    }

    /** The last index applied to the local state. */
    public long lpi() {
        return lpi;
    }

    /** The state version of the local state. */
    public long ssv() {
        return ssv;
    }

    /** The newest {@code service-state} this replica read. */
    public long ssi() {
        return ssi;
    }

    public long logSize() {
        return logSize;
    }

    /** The service's state version as this replica last read it. */
    public long stateVersion() {
        return stateVersion;
    }

    public Optional<LeaderValue> knownLeader() {
        return knownLeader;
    }

    public Optional<BackupRecord> lastBackup() {
        return lastBackup;
    }

    /** The last recovery error, else a committed entry this replica cannot apply (I4). */
    public Optional<String> problem() {
        return recoveryProblem.or(() -> applyProblem);
    }

    /** True until the Follower has read its recorded progress from etcd (after a start or leaving the leader role). */
    public boolean reloadProgress() {
        return reloadProgress;
    }

    /**
     * The log size when this replica last restored a backup: entries up to it that it marked IN_PROCESS were undone
     * by the restore, so the completion check ignores them.
     */
    public long restoredThrough() {
        return restoredThrough;
    }

    // --- transitions of the features ---

    /** The local state now holds the entries up to {@code index}. */
    public void applied(long index) {
        lpi = index;
    }

    /** The leader's commit of entries up to {@code lastIndex} was confirmed: it holds them, and so does the log. */
    public void committed(long lastIndex) {
        logSize = lastIndex;
        lpi = lastIndex;
        ssi = lastIndex;
    }

    /** The watch delivered {@code service-state}: status and metrics never show lpi ahead of ssi. */
    public void sawServiceState(long value) {
        if (value > ssi) {
            ssi = value;
            logSize = Math.max(logSize, value);
        }
    }

    /** A periodic read of the service's head keys. */
    public void observed(ServiceStore.Head head) {
        ssi = head.serviceState();
        logSize = head.logSize();
        stateVersion = head.stateVersion();
        knownLeader = head.leader();
        if (head.lastBackup().isPresent()) {
            lastBackup = head.lastBackup();
        }
    }

    /** The Follower read its recorded progress from etcd and follows from there. */
    public void progressLoaded(long recordedLpi, long recordedSsv) {
        lpi = recordedLpi;
        ssv = recordedSsv;
        reloadProgress = false;
    }

    /** A Follower that applied the whole log follows the backup into state version {@code version}, from its start. */
    public void followsVersion(long version) {
        lpi = 0;
        ssv = version;
        restoredThrough = 0;
    }

    /** The leader backed up and compacted: the service is at state version {@code version} with an empty log. */
    public void backedUp(long version, BackupRecord record) {
        ssv = version;
        stateVersion = version;
        lpi = 0;
        ssi = 0;
        logSize = 0;
        restoredThrough = 0;
        lastBackup = Optional.of(record);
    }

    /**
     * The Learner restored the backup of state version {@code version} while the log held {@code logSize} entries;
     * it follows the log from its start, with no progress left to read.
     */
    public void restored(long version, long logSize) {
        ssv = version;
        stateVersion = version; // a replica that leads next without a follower's poll in between reports it too
        lpi = 0;
        restoredThrough = logSize;
        reloadProgress = false;
    }

    /** A committed entry this replica cannot apply (I4), shown in its status until it applies. */
    public void cannotApply(String message) {
        applyProblem = Optional.of(message);
    }

    /** The entry that could not be applied was applied. */
    public void appliesAgain() {
        applyProblem = Optional.empty();
    }

    /** A recovery attempt failed, shown in the status until a recovery succeeds. */
    public void recoveryFailed(String message) {
        recoveryProblem = Optional.of(message);
    }

    // --- transitions of the role controller ---

    void started(URI advertisedUrl, Role firstRole) {
        url = advertisedUrl;
        role = firstRole;
        running = true;
    }

    void closing() {
        running = false;
    }

    void registering() {
        role = Role.REGISTER;
    }

    void leads(LeaderValue me, long size) {
        logSize = size;
        ssi = size;
        lpi = size;
        knownLeader = Optional.of(me);
        role = Role.LEADER;
    }

    /** Left the leader role: its progress in etcd is read again before it follows. */
    void leftLeadership() {
        role = Role.FOLLOWER;
        reloadProgress = true;
    }

    void learning() {
        role = Role.LEARNER;
    }

    void recovered() {
        role = Role.FOLLOWER;
        recoveryProblem = Optional.empty();
    }
}
