package dev.br2k.replication;

import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints the benchmark table of the module README: raw etcd figures and BR2K figures, measured in one run
 * on one 3-member loopback etcd cluster. Run with {@code mvn -q test-compile exec:java} in core-replication.
 */
public final class ReplicationBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new ReplicationBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("br2k-bench-");
        try (EtcdCluster etcd = EtcdCluster.builder().members(3).build().start()) {
            etcd.leader();
            double rawTxn;
            double rawPut;
            try (Client client = Client.builder().endpoints(etcd.leader().clientUrl()).build()) {
                KV kv = client.getKVClient();
                rawTxn = rawGuardedTxn(kv, 300);
                rawTxn = rawGuardedTxn(kv, 1000);
                rawPut = rawPipelinedPut(kv, 2000);
                rawPut = rawPipelinedPut(kv, 8000);
            }
            row("raw etcd guarded txn, 1 client", fmt(rawTxn) + " txn/s", "");
            row("raw etcd put, 64 in flight", fmt(rawPut) + " put/s", "");

            try (KvReplicas kv = KvReplicas.start(etcd, dir, "bench", 3, c -> c.roleCheckInterval(Duration.ofMillis(200)))) {
                int leader = kv.awaitLeader();
                URI base = kv.get(leader).url();
                clients(base, 1, 200, "warm");
                double[] http = statusReads(base, 1000);
                row("HTTP GET /br2k/status on the leader (no etcd), 1 client", "p50 " + ms(http[0]) + ", p99 " + ms(http[1]), "");
                double[] one = clients(base, 1, 1000, "one");
                row("BR2K replicated, 1 client", fmt(one[0]) + " req/s, p50 " + ms(one[1]) + ", p99 " + ms(one[2]),
                        ">= " + fmt(rawTxn / 3.5) + " req/s (raw txn / 3.5): " + verdict(one[0] >= rawTxn / 3.5));
                clients(base, 16, 100, "warm16");
                double[] sixteen = clients(base, 16, 300, "sixteen");
                row("BR2K replicated, 16 clients", fmt(sixteen[0]) + " req/s, p50 " + ms(sixteen[1]) + ", p99 " + ms(sixteen[2]),
                        ">= " + fmt(rawPut / 2) + " req/s (50% of raw put): " + verdict(sixteen[0] >= rawPut / 2));

                int follower = (leader + 1) % 3;
                kv.stop(follower);
                clients(base, 16, 625, "catchup");
                long ssi = kv.status(leader).get("ssi").asLong();
                long start = System.nanoTime();
                kv.start(follower);
                while (kv.status(follower).get("lpi").asLong() < ssi) {
                    Thread.sleep(5); // polling the follower's progress
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                row("follower catch-up of 10,000 entries (incl. its restart)", String.format("%.2f s", seconds),
                        "< 5 s: " + verdict(seconds < 5));
            }
        }
        print();
    }

    private static String verdict(boolean ok) {
        return ok ? "met" : "NOT met";
    }

    private double rawGuardedTxn(KV kv, int n) throws Exception {
        ByteSequence key = bs("/bench/guarded");
        kv.put(key, bs("0")).get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            boolean ok = kv.txn().If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.value(bs(String.valueOf(i)))))
                    .Then(Op.put(key, bs(String.valueOf(i + 1)), PutOption.DEFAULT)).commit()
                    .get(10, TimeUnit.SECONDS).isSucceeded();
            if (!ok) {
                throw new IllegalStateException("guard failed");
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private double rawPipelinedPut(KV kv, int n) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            kv.put(bs("/bench/put/" + (i % 1000)), bs("value-" + i)).whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(64);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** p50 and p99 in ns of plain HTTP round trips to the replica's status page. */
    private double[] statusReads(URI base, int n) throws Exception {
        long[] latencies = new long[n];
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/br2k/status")).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HTTP.send(req, HttpResponse.BodyHandlers.discarding());
            latencies[i] = System.nanoTime() - t0;
        }
        Arrays.sort(latencies);
        return new double[] {latencies[n / 2], latencies[(int) (n * 0.99)]};
    }

    /** {@code clients} threads each send {@code each} PUTs; returns rate, p50 and p99 latency in ns. */
    private double[] clients(URI base, int clients, int each, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[clients * each];
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/kv/" + tag + "-" + client + "-" + i))
                            .PUT(HttpRequest.BodyPublishers.ofString("value " + i)).timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    try {
                        if (HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[client * each + i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed in " + tag);
        }
        Arrays.sort(latencies);
        return new double[] {latencies.length / seconds, latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)]};
    }

    private void row(String what, String result, String target) {
        rows.add(new String[] {what, result, target});
        System.out.println("measured: " + what + ": " + result);
    }

    private void print() {
        System.out.println();
        System.out.println("| measurement | result | target |");
        System.out.println("|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
        }
    }

    private static String fmt(double perSecond) {
        return String.format("%,.0f", perSecond);
    }

    private static String ms(double nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static ByteSequence bs(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
