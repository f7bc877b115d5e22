package dev.br2k.replication.internal.log;

import dev.br2k.protocol.Counter;
import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.MemberValue;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.Json;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Op;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runtime's one typed etcd store for one service's keys (spec §1.3, layout and value codecs in
 * {@code br2k-protocol}): each value is decoded once, here, with the default the spec gives an absent key, and
 * each key is written by one method that takes its typed value, instead of positional {@code got.get(2)},
 * {@code Long.parseLong} and {@code String.valueOf} at each call site. A value that is not what the protocol
 * writes is a {@link dev.br2k.protocol.ProtocolException} naming the key.
 */
public final class ServiceStore {
    private final Etcd etcd;
    private final KeyLayout keys;

    public ServiceStore(Etcd etcd, KeyLayout keys) {
        this.etcd = etcd;
        this.keys = keys;
    }

    /**
     * The service's head keys, read at one revision.
     *
     * @param serviceState {@code service-state} (0 if absent; -1 while a backup runs)
     * @param stateVersion {@code state-version} (1 if absent)
     * @param logSize {@code log-size} (0 if absent)
     * @param revision the etcd revision they were read at
     */
    public record Head(long serviceState, long stateVersion, long logSize, Optional<LeaderValue> leader,
                       Optional<BackupRecord> lastBackup, long revision) { }

    /** A replica's recorded progress: {@code lpi/<replica>} and {@code ssv/<replica>}, empty where absent. */
    public record Progress(Optional<Long> lpi, Optional<Long> stateVersion) { }

    /** Entries {@code from..to} of the log with their states, and the state version they were read in. */
    public record Slice(Map<Long, LogEntry> entries, Map<Long, EntryState> states, long stateVersion) { }

    /**
     * What a leader needs to learn whether a commit whose answer was lost landed: the log entry at an index and
     * the mod revision that wrote it, and the mod revision of {@code leader} (0 if absent), read at one revision.
     */
    public record Written(Optional<LogEntry> entry, long entryRevision, long leaderRevision) { }

    /**
     * The replicas as etcd sees them, read at one revision.
     *
     * @param logSize {@code log-size} (0 if absent)
     * @param lpis {@code lpi/<replica>} by replica id
     * @param members the live replicas' {@code members/<replica>} (leased: a replica that died is gone)
     */
    public record Replicas(long logSize, Map<String, Long> lpis, List<MemberValue> members) { }

    /** The {@code leader} key as read: its value and the mod revision a takeover's fence is compared with. */
    public record LeaderKey(LeaderValue value, long modRevision) { }

    /** The {@code leader} key by a linearizable read, empty when no replica holds it. */
    public Optional<LeaderKey> leaderKey() {
        return etcd.get(keys.leader()).map(kv -> new LeaderKey(LeaderValue.decode(Etcd.str(kv.getValue())), kv.getModRevision()));
    }

    public Op putLeader(LeaderValue value) {
        return Etcd.put(keys.leader(), value.encode());
    }

    /** The compare an append carries (I2): {@code log-size} is still {@code logSize}. */
    public io.etcd.jetcd.op.Cmp logSizeIs(long logSize) {
        return Etcd.valueIs(keys.logSize(), Counter.encode(logSize));
    }

    public Op putLogSize(long logSize) {
        return Etcd.put(keys.logSize(), Counter.encode(logSize));
    }

    /** {@code service-state}: the newest processed index, -1 while a backup runs, 0 to tell followers a backup ended. */
    public Op putServiceState(long serviceState) {
        return Etcd.put(keys.serviceState(), Counter.encode(serviceState));
    }

    public Op putStateVersion(long stateVersion) {
        return Etcd.put(keys.stateVersion(), Counter.encode(stateVersion));
    }

    public Op putLpi(String replica, long lpi) {
        return Etcd.put(keys.lpi(replica), Counter.encode(lpi));
    }

    public Op putSsv(String replica, long stateVersion) {
        return Etcd.put(keys.ssv(replica), Counter.encode(stateVersion));
    }

    /** Publishes {@code members/<replica>} under {@code leaseId}, so that it goes when the replica dies. */
    public void publishMember(MemberValue value, long leaseId) {
        etcd.putLeased(keys.member(value.id()), value.encode(), leaseId);
    }

    /** The value of {@code service-state} as a watch event carries it. */
    public long decodeServiceState(String text) {
        return Counter.decode(keys.serviceState(), text);
    }

    public Replicas replicas() {
        List<GetResponse> got = etcd.read(Etcd.key(keys.logSize()), Etcd.prefix(keys.lpiPrefix()),
                Etcd.prefix(keys.membersPrefix()));
        Map<String, Long> lpis = new TreeMap<>();
        for (KeyValue kv : got.get(1).getKvs()) {
            String key = Etcd.str(kv.getKey());
            lpis.put(KeyLayout.replicaOf(key, keys.lpiPrefix()), Counter.decode(key, Etcd.str(kv.getValue())));
        }
        return new Replicas(number(got.get(0)).orElse(0L), lpis, members(got.get(2)));
    }

    /** The live replicas' {@code members/<replica>}. */
    public List<MemberValue> members() {
        return members(etcd.read(Etcd.prefix(keys.membersPrefix())).get(0));
    }

    private static List<MemberValue> members(GetResponse response) {
        return response.getKvs().stream().map(kv -> MemberValue.decode(Etcd.str(kv.getValue()))).toList();
    }

    /** The log entry at {@code index} and the {@code leader} key's mod revision, by one linearizable read. */
    public Written written(long index) {
        List<GetResponse> got = etcd.read(Etcd.key(keys.log(index)), Etcd.key(keys.leader()));
        List<KeyValue> entry = got.get(0).getKvs();
        List<KeyValue> leader = got.get(1).getKvs();
        return new Written(json(got.get(0), LogEntry.class), entry.isEmpty() ? 0 : entry.get(0).getModRevision(),
                leader.isEmpty() ? 0 : leader.get(0).getModRevision());
    }


    public Head head() {
        List<GetResponse> got = etcd.read(Etcd.key(keys.serviceState()), Etcd.key(keys.stateVersion()),
                Etcd.key(keys.logSize()), Etcd.key(keys.leader()), Etcd.key(keys.lastBackup()));
        return new Head(number(got.get(0)).orElse(0L), number(got.get(1)).orElse(1L), number(got.get(2)).orElse(0L),
                got.get(3).getKvs().stream().findFirst().map(kv -> LeaderValue.decode(Etcd.str(kv.getValue()))), json(got.get(4), BackupRecord.class), got.get(0).getHeader().getRevision());
    }

    public Progress progress(String replica) {
        List<GetResponse> got = etcd.read(Etcd.key(keys.lpi(replica)), Etcd.key(keys.ssv(replica)));
        return new Progress(number(got.get(0)), number(got.get(1)));
    }

    /** Entries {@code from..to} by a linearizable read. */
    public Slice slice(long from, long to) {
        return decode(etcd.read(reads(from, to, false).toArray(Op[]::new)));
    }

    /**
     * Entries {@code from..to} at a revision of at least {@code seenAt}: from the member this client talks to
     * when it has seen that revision, else by a linearizable read (see {@link Etcd#readAtLeast}).
     */
    public Slice sliceAtLeast(long from, long to, long seenAt) {
        return decode(etcd.readAtLeast(seenAt, reads(from, to, true), reads(from, to, false)));
    }

    private List<Op> reads(long from, long to, boolean serializable) {
        return List.of(Etcd.range(keys.log(from), keys.log(to + 1), serializable),
                Etcd.range(keys.status(from), keys.status(to + 1), serializable),
                Etcd.key(keys.stateVersion(), serializable));
    }

    private static Slice decode(List<GetResponse> got) {
        Map<Long, LogEntry> entries = new TreeMap<>();
        for (KeyValue kv : got.get(0).getKvs()) {
            entries.put(KeyLayout.indexOf(Etcd.str(kv.getKey())), Json.read(kv.getValue().getBytes(), LogEntry.class));
        }
        Map<Long, EntryState> states = new TreeMap<>();
        for (KeyValue kv : got.get(1).getKvs()) {
            states.put(KeyLayout.indexOf(Etcd.str(kv.getKey())), Json.read(kv.getValue().getBytes(), EntryState.class));
        }
        return new Slice(entries, states, number(got.get(2)).orElse(1L));
    }

    private static Optional<Long> number(GetResponse response) {
        return response.getKvs().stream().findFirst()
                .map(kv -> Counter.decode(Etcd.str(kv.getKey()), kv.getValue().toString(StandardCharsets.UTF_8)));
    }

    private static <T> Optional<T> json(GetResponse response, Class<T> type) {
        return response.getKvs().isEmpty() ? Optional.empty()
                : Optional.of(Json.read(response.getKvs().get(0).getValue().getBytes(), type));
    }
}
