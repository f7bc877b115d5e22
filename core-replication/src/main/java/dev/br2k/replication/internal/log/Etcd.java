package dev.br2k.replication.internal.log;

import dev.br2k.protocol.KeyLayout;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.OptionsUtil;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Small blocking helpers over jetcd's KV, every call with a timeout. A thread's wait can be abandoned from
 * another thread ({@link #abandonWait}): a call that an etcd follower forwarded to a Raft leader that then froze
 * waits for etcd's request timeout (7 s) even after a new leader is elected.
 */
public final class Etcd {
    private static final int KEY_PAGE = 10_000;
    private final KV kv;
    private final Duration timeout;
    private final Map<Thread, Wait> waits = new ConcurrentHashMap<>();

    /** A thread's wait for one call, since {@code startedNanos}. */
    private record Wait(CompletableFuture<?> future, long startedNanos) { }

    public Etcd(KV kv, Duration timeout) {
        this.kv = kv;
        this.timeout = timeout;
    }

    public static ByteSequence bs(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    public static ByteSequence bs(byte[] b) {
        return ByteSequence.from(b);
    }

    public static String str(ByteSequence b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    public static Op put(String key, String value) {
        return Op.put(bs(key), bs(value), PutOption.DEFAULT);
    }

    public static Op put(String key, Object jsonValue) {
        return Op.put(bs(key), bs(dev.br2k.replication.internal.Json.bytes(jsonValue)), PutOption.DEFAULT);
    }

    public static Op deletePrefix(String prefix) {
        return Op.delete(bs(prefix), DeleteOption.builder().isPrefix(true).build());
    }

    public static Op key(String key) {
        return key(key, false);
    }

    /** Every key under {@code prefix}. */
    public static Op prefix(String prefix) {
        return Op.get(bs(prefix), GetOption.builder().isPrefix(true).build());
    }

    /** KeyLayout from {@code from} (inclusive) to {@code to} (exclusive). */
    public static Op range(String from, String to) {
        return range(from, to, false);
    }

    /**
     * KeyLayout from {@code from} (inclusive) to {@code to} (exclusive); a {@code serializable} read is served by
     * the member the client talks to, without a consensus round, and may be behind the cluster.
     */
    public static Op range(String from, String to, boolean serializable) {
        return Op.get(bs(from), GetOption.builder().withRange(bs(to)).withSerializable(serializable).build());
    }

    /** One key; see {@link #range(String, String, boolean)} for {@code serializable}. */
    public static Op key(String key, boolean serializable) {
        return Op.get(bs(key), GetOption.builder().withSerializable(serializable).build());
    }

    public static Cmp valueIs(String key, String value) {
        return new Cmp(bs(key), Cmp.Op.EQUAL, CmpTarget.value(bs(value)));
    }

    public static Cmp valueIs(String key, byte[] value) {
        return new Cmp(bs(key), Cmp.Op.EQUAL, CmpTarget.value(bs(value)));
    }

    public static Cmp absent(String key) {
        return new Cmp(bs(key), Cmp.Op.EQUAL, CmpTarget.version(0));
    }

    public static Cmp modRevisionIs(String key, long revision) {
        return new Cmp(bs(key), Cmp.Op.EQUAL, CmpTarget.modRevision(revision));
    }

    public Optional<KeyValue> get(String key) {
        List<KeyValue> kvs = await(kv.get(bs(key))).getKvs();
        return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0));
    }

    public List<KeyValue> getPrefix(String prefix) {
        return await(kv.get(bs(prefix), GetOption.builder().isPrefix(true).build())).getKvs();
    }

    /**
     * The keys under {@code prefix} at one revision (linearizable, keys only, read in pages of {@value #KEY_PAGE}), or
     * empty when there are more than {@code most}.
     */
    public Optional<List<String>> keysUnder(String prefix, int most) {
        GetResponse counted = await(kv.get(bs(prefix), GetOption.builder().isPrefix(true).withCountOnly(true).build()));
        if (counted.getCount() > most) {
            return Optional.empty();
        }
        long revision = counted.getHeader().getRevision();
        ByteSequence end = OptionsUtil.prefixEndOf(bs(prefix));
        List<String> keys = new ArrayList<>((int) counted.getCount());
        ByteSequence from = bs(prefix);
        while (true) {
            GetResponse page = await(kv.get(from, GetOption.builder().withRange(end).withKeysOnly(true)
                    .withLimit(KEY_PAGE).withRevision(revision).build()));
            for (KeyValue kv : page.getKvs()) {
                keys.add(str(kv.getKey()));
            }
            if (!page.isMore() || page.getKvs().isEmpty()) {
                return Optional.of(keys);
            }
            // the next page starts right after the last key read (the key with a zero byte appended)
            from = bs(keys.get(keys.size() - 1) + "\0");
        }
    }

    /** Writes {@code key} under a lease, so that it goes when the lease ends. */
    public void putLeased(String key, String value, long leaseId) {
        await(kv.put(bs(key), bs(value), PutOption.builder().withLeaseId(leaseId).build()));
    }

    public void put(String key, byte[] value) {
        await(kv.put(bs(key), bs(value)));
    }

    /** A transaction; false if a compare failed. */
    public TxnResponse txn(List<Cmp> compares, List<Op> ops) {
        return await(kv.txn().If(compares.toArray(Cmp[]::new)).Then(ops.toArray(Op[]::new)).commit());
    }

    /** Several reads at one revision. */
    public List<GetResponse> read(Op... gets) {
        return await(kv.txn().Then(gets).commit()).getGetResponses();
    }

    /**
     * Several reads at one revision that is at least {@code revision}: served by the member this client talks
     * to (the {@code serializable} form of the reads) when that member has seen {@code revision}, else by a
     * linearizable read (the {@code linearizable} form). Followers read what a watch event announced this way,
     * so a new entry costs the etcd leader no read-index round per follower.
     */
    public List<GetResponse> readAtLeast(long revision, List<Op> serializable, List<Op> linearizable) {
        TxnResponse local = await(kv.txn().Then(serializable.toArray(Op[]::new)).commit());
        if (local.getHeader().getRevision() >= revision) {
            return local.getGetResponses();
        }
        return read(linearizable.toArray(Op[]::new));
    }

    /** A transaction with reads for when a compare fails, not waited for. */
    public CompletableFuture<TxnResponse> txnAsync(List<Cmp> compares, List<Op> ops, List<Op> otherwise) {
        return kv.txn().If(compares.toArray(Cmp[]::new)).Then(ops.toArray(Op[]::new))
                .Else(otherwise.toArray(Op[]::new)).commit();
    }

    /**
     * Abandons the call {@code thread} waits on, if it began before {@code startedBeforeNanos} ({@link
     * System#nanoTime}): the waiter gets an {@link EtcdCallFailedException}, and the call's outcome is unknown, as
     * after a timeout. Returns whether a wait was abandoned.
     */
    public boolean abandonWait(Thread thread, long startedBeforeNanos) {
        Wait wait = waits.get(thread);
        return wait != null && wait.startedNanos() - startedBeforeNanos < 0 && wait.future().cancel(true);
    }

    public <T> T await(CompletableFuture<T> future) {
        Thread waiter = Thread.currentThread();
        Wait wait = new Wait(future, System.nanoTime());
        waits.put(waiter, wait);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new EtcdCallFailedException("the wait for etcd was abandoned (the Raft leader changed while it waited)", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EtcdCallFailedException("etcd did not answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdCallFailedException("interrupted while waiting for etcd", e);
        } catch (ExecutionException e) {
            if (RequestTooLargeException.isTooLarge(e.getCause())) {
                throw new RequestTooLargeException("etcd refused a write for its size: " + e.getCause().getMessage(), e.getCause());
            }
            throw new EtcdCallFailedException("etcd call failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            waits.remove(waiter, wait);
        }
    }
}
