package dev.br2k.replication;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under any replicated HTTP service on this machine, for {@link ReplicationBenchmark}: a Javalin server
 * (the front end BR2K uses) whose {@code PUT /floor/<key>} makes <em>one</em> guarded etcd transaction of its own per
 * request and answers with a counter. No log, no handler, no followers, no grouping: what an HTTP request and one
 * guarded write cost together, in the same JVM and on the same etcd as the replicas.
 */
final class FloorServer implements AutoCloseable {
    private static final ByteSequence GUARD = bs("/bench/floor-guard");
    private final Javalin app;
    private final AtomicLong index = new AtomicLong();

    private FloorServer(KV kv) throws Exception {
        kv.put(GUARD, bs("holder")).get(10, TimeUnit.SECONDS);
        Cmp holds = new Cmp(GUARD, Cmp.Op.EQUAL, CmpTarget.value(bs("holder")));
        this.app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        app.put("/floor/{key}", ctx -> {
            boolean ok = kv.txn().If(holds)
                    .Then(Op.put(bs("/bench/floor/" + ctx.pathParam("key")), bs(ctx.body()), PutOption.DEFAULT))
                    .commit().get(10, TimeUnit.SECONDS).isSucceeded();
            if (!ok) {
                throw new IllegalStateException("the floor's guard failed");
            }
            ctx.contentType("application/json").result("{\"index\":" + index.incrementAndGet() + ",\"status\":200}");
        });
    }

    static FloorServer start(KV kv) throws Exception {
        FloorServer server = new FloorServer(kv);
        server.app.start("127.0.0.1", 0);
        return server;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    @Override
    public void close() {
        app.stop();
    }

    private static ByteSequence bs(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
