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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the benchmark table of the module README: raw etcd figures and BR2K figures on one 3-member
 * loopback etcd cluster, with etcd's own count of committed proposals per BR2K request (the delta of
 * {@code etcd_server_proposals_committed_total} on one member, which counts every replica's writes), the
 * CPU each process spent per request, the followers' lag and a catch-up. Clients send a
 * {@code Br2k-Request-Id}, as every client must. Run with {@code mvn -q test-compile exec:java} in core-replication
 * ({@code -Dexec.args=5} for five rounds instead of three; {@code -Dbench.warmRounds=N} for N warm-up rounds
 * instead of three; {@code -Dbench.followersStopped=true} to measure the leader with both followers stopped;
 * {@code -Dbench.followerApplyGapMillis=N} for another {@link Br2kConfig#followerApplyGap};
 * {@code -Dbench.processes=true} to run each replica in a process of its own, as deployed, and read the CPU of each).
 *
 * <p>Everything is warmed up first (the etcd client's own rate doubles over its first few thousand
 * transactions while the JIT compiles it), then whole rounds run uncounted while the JIT compiles the rest, then each round measures the raw figure right before the BR2K
 * figure it is compared with, so a disk or a neighbour that changes speed during the run moves both. The
 * table gives the median round; the leader's own histograms say where a request's time went. Each round also
 * measures the floor ({@link FloorServer}): the same HTTP clients against a bare Javalin route that makes one guarded
 * transaction per request, which is what any HTTP service that writes etcd once per request costs here.
 */
public final class ReplicationBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    private static final Pattern PROPOSALS = Pattern.compile("(?m)^etcd_server_proposals_committed_total (\\S+)$");
    private final List<String[]> rows = new ArrayList<>();
    private int roundsRun;
    /** -Dbench.followersStopped=true: the measured rounds run with both followers stopped (the leader's path alone). */
    private final boolean followersStopped = Boolean.getBoolean("bench.followersStopped");
    private boolean followersRun = true;

    public static void main(String[] args) throws Exception {
        new ReplicationBenchmark().run(args.length > 0 ? Integer.parseInt(args[0]) : 3);
        System.exit(0);
    }

    private void run(int rounds) throws Exception {
        Path dir = Files.createTempDirectory("br2k-bench-");
        System.out.printf("load average at start: %.2f%n", loadAverage());
        try (EtcdCluster etcd = EtcdCluster.builder().members(3).build().start();
                Client client = Client.builder().endpoints(etcd.leader().clientUrl()).build();
                BenchReplicas kv = replicas(etcd, dir);
                FloorServer floor = FloorServer.start(client.getKVClient())) {
            KV raw = client.getKVClient();
            int leader = stableLeader(kv);
            URI base = kv.url(leader, "");

            rawGuardedTxn(raw, 3000);
            rawCommitShapedTxn(raw, 1000);
            rawPipelinedPut(raw, 8000);
            clients(base, 1, 500, "warm", new ConcurrentLinkedQueue<>());
            clients(base, 16, 100, "warm16", new ConcurrentLinkedQueue<>());
            clients(floor.url(), "/floor/", 1, 500, "warm-floor", new ConcurrentLinkedQueue<>());
            clients(floor.url(), "/floor/", 16, 100, "warm-floor16", new ConcurrentLinkedQueue<>());
            double[] http = statusReads(base, 1000);

            // Whole rounds first, printed and not counted: on 2 cores the JIT compiles this JVM's clients and three
            // replicas for about a minute, and the JVM's CPU per request halved from the first round to the fourth.
            int warmRounds = Integer.getInteger("bench.warmRounds", 3);
            for (int i = 0; i < warmRounds; i++) {
                round(raw, kv, leader, base, floor.url(), "warm-up round " + (i + 1));
            }
            if (followersStopped) {
                kv.stop((leader + 1) % 3);
                kv.stop((leader + 2) % 3);
                followersRun = false;
                System.out.println("both followers stopped: the measured rounds show the leader's path alone");
            }
            Round[] measured = new Round[rounds];
            for (int i = 0; i < rounds; i++) {
                measured[i] = round(raw, kv, leader, base, floor.url(), "round " + (i + 1));
            }
            Round m = median(measured);
            row("raw etcd guarded txn, 1 client", fmt(m.rawTxn) + " txn/s", "");
            row("raw etcd txn shaped like a BR2K commit (4 compares, 6 puts), 1 client", fmt(m.rawShaped) + " txn/s"
                    + String.format(" (%.2f of raw guarded txn)", m.rawShaped / m.rawTxn), "");
            row("BR2K replicated, 1 client", fmt(m.one[0]) + " req/s, p50 " + ms(m.one[1]) + ", p99 " + ms(m.one[2]),
                    String.format(">= 0.5 of raw guarded txn: %.2f, %s", m.one[0] / m.rawTxn, verdict(m.one[0] / m.rawTxn >= 0.5)));
            row("  floor: HTTP + one guarded txn per request (no BR2K), 1 client", fmt(m.floorOne[0]) + " req/s, p50 "
                    + ms(m.floorOne[1]) + String.format(" (%.2f of raw guarded txn); CPU per request: ", m.floorOne[0] / m.rawTxn)
                    + m.cpuFloorOne, "");
            row("  etcd proposals committed per request, 1 client", String.format("%.2f", m.proposalsOne),
                    "<= 1.3: " + verdict(m.proposalsOne <= 1.3));
            row("  inside the leader, 1 client", m.insideOne, "");
            row("  CPU per request, 1 client", m.cpuOne, "");
            row("raw etcd put, 64 in flight", fmt(m.rawPut) + " put/s", "");
            row("raw etcd put, 16 in flight (one write per waiting client)", fmt(m.rawPutSixteen) + " put/s", "");
            row("BR2K replicated, 16 clients", fmt(m.sixteen[0]) + " req/s, p50 " + ms(m.sixteen[1]) + ", p99 " + ms(m.sixteen[2]),
                    String.format(">= 0.5 of raw put (16 in flight): %.2f, %s", m.sixteen[0] / m.rawPutSixteen,
                            verdict(m.sixteen[0] / m.rawPutSixteen >= 0.5)));
            row("  floor: HTTP + one guarded txn per request (no BR2K), 16 clients", fmt(m.floorSixteen[0]) + " req/s, p50 "
                    + ms(m.floorSixteen[1]) + String.format(" (%.2f of raw put, 16 in flight); CPU per request: ",
                    m.floorSixteen[0] / m.rawPutSixteen) + m.cpuFloorSixteen, "");
            row("  etcd proposals committed per request, 16 clients", String.format("%.2f", m.proposalsSixteen),
                    "<= 0.25: " + verdict(m.proposalsSixteen <= 0.25));
            row("  inside the leader, 16 clients", m.insideSixteen, "");
            row("  CPU per request, 16 clients", m.cpuSixteen, "");
            row("  follower lag (leader's answer -> follower applied), 16 clients, the worse follower", "p50 " + ms(m.lag[0])
                    + ", p99 " + ms(m.lag[1]) + " (" + m.lagEach + ")", "p99 < 100 ms: " + verdict(m.lag[1] < 100e6));
            row("HTTP GET /br2k/status on the leader (no etcd), 1 client", "p50 " + ms(http[0]) + ", p99 " + ms(http[1]), "");

            if (followersStopped) {
                System.out.printf("load average at end: %.2f%n", loadAverage());
                print(rounds);
                return; // no follower to catch up
            }
            int follower = (leader + 1) % 3;
            kv.stop(follower);
            clients(base, 16, 625, "catchup", new ConcurrentLinkedQueue<>());
            long ssi = kv.status(leader).get("ssi").asLong();
            long start = System.nanoTime();
            kv.start(follower);
            while (lpi(kv, follower) < ssi) {
                Thread.sleep(5); // polling the follower's progress
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            row("follower catch-up of 10,000 entries (incl. its restart" + (kv.pid(follower).isPresent() ? ": a new JVM" : "") + ")",
                    String.format("%.2f s", seconds),
                    "< 2 s: " + verdict(seconds < 2));
        }
        System.out.printf("load average at end: %.2f%n", loadAverage());
        print(rounds);
    }

    /**
     * The three replicas: in this JVM, or with {@code -Dbench.processes=true} one process each, started as a
     * deployment starts them (the BR2K_* variables; the JVM's default JIT and collector, 256 MiB heap).
     */
    private static BenchReplicas replicas(EtcdCluster etcd, Path dir) {
        long gap = Long.getLong("bench.followerApplyGapMillis", new Br2kConfig().followerApplyGap().toMillis());
        if (Boolean.getBoolean("bench.processes")) {
            KvProcesses kv = new KvProcesses(etcd, dir, "bench", 3).jvmOptions(List.of("-Xmx256m"));
            Map<String, String> env = Map.of("BR2K_ROLE_CHECK_MILLIS", "200", "BR2K_FOLLOWER_APPLY_GAP_MILLIS",
                    String.valueOf(gap), "BR2K_ADMIN_TOKEN", KvReplicas.ADMIN_TOKEN);
            BenchReplicas replicas = BenchReplicas.processes(kv, env);
            for (int i = 0; i < 3; i++) {
                replicas.start(i);
            }
            return replicas;
        }
        return BenchReplicas.inThisJvm(KvReplicas.start(etcd, dir, "bench", 3, c -> c.roleCheckInterval(Duration.ofMillis(200))
                .followerApplyGap(Duration.ofMillis(gap))));
    }

    /** A replica's {@code lpi}, or -1 while it does not answer (a process still starting). */
    private static long lpi(BenchReplicas kv, int i) {
        try {
            return kv.status(i).get("lpi").asLong();
        } catch (IllegalStateException notYet) {
            return -1;
        }
    }

    /**
     * The leader once it has led for 3 s: on a loaded machine the first leader's probes can time out and leadership
     * move a few times at the start, and the clients send to one leader (a 307 counts as a failure).
     */
    private static int stableLeader(BenchReplicas kv) throws InterruptedException {
        int leader = kv.awaitLeader();
        for (int seen = -1; seen != leader; ) {
            seen = leader;
            Thread.sleep(3000); // a benchmark settling, not a test waiting for a condition
            leader = kv.awaitLeader();
        }
        return leader;
    }

    private Optional<LagSampler> lagSampler(BenchReplicas kv, int follower) {
        return followersRun ? Optional.of(LagSampler.start(kv.url(follower, "/br2k/status"))) : Optional.empty();
    }

    /** One round: each raw figure right before the BR2K figure compared with it. */
    private Round round(KV raw, BenchReplicas kv, int leader, URI base, URI floor, String label) throws Exception {
        int i = roundsRun++; // request ids differ from round to round
        Round r = new Round();
        r.rawTxn = rawGuardedTxn(raw, 1000);
        r.rawShaped = rawCommitShapedTxn(raw, 1000);
        Cpu floorCpu = Cpu.now(kv, leader);
        r.floorOne = clients(floor, "/floor/", 1, 500, "floor" + i, new ConcurrentLinkedQueue<>());
        r.cpuFloorOne = floorCpu.perRequest(Cpu.now(kv, leader), 500);
        Map<String, double[]> before = leaderHistograms(kv, leader);
        double proposals = proposals(kv);
        Cpu cpu = Cpu.now(kv, leader);
        r.one = clients(base, 1, 500, "one" + i, new ConcurrentLinkedQueue<>());
        r.cpuOne = cpu.perRequest(Cpu.now(kv, leader), 500);
        r.proposalsOne = (proposals(kv) - proposals) / 500;
        r.insideOne = inside(before, leaderHistograms(kv, leader));
        r.rawPut = rawPipelinedPut(raw, 8000);
        r.rawPutSixteen = rawPipelinedPut(raw, 4000, 16);
        floorCpu = Cpu.now(kv, leader);
        r.floorSixteen = clients(floor, "/floor/", 16, 200, "floor16-" + i, new ConcurrentLinkedQueue<>());
        r.cpuFloorSixteen = floorCpu.perRequest(Cpu.now(kv, leader), 3200);
        before = leaderHistograms(kv, leader);
        proposals = proposals(kv);
        cpu = Cpu.now(kv, leader);
        r.sixteen = clients(base, 16, 200, "sixteen" + i, new ConcurrentLinkedQueue<>());
        r.cpuSixteen = cpu.perRequest(Cpu.now(kv, leader), 3200);
        r.proposalsSixteen = (proposals(kv) - proposals) / 3200;
        r.insideSixteen = inside(before, leaderHistograms(kv, leader));
        // the lag in a run of its own: its samplers read each follower's status every 2 ms (1,000 HTTP requests a
        // second on the same two cores), which would otherwise be counted against BR2K's rate and CPU above
        ConcurrentLinkedQueue<long[]> answered = new ConcurrentLinkedQueue<>();
        Optional<LagSampler> lagA = lagSampler(kv, (leader + 1) % 3);
        Optional<LagSampler> lagB = lagSampler(kv, (leader + 2) % 3);
        clients(base, 16, 200, "lag" + i, answered);
        double[] none = {Double.NaN, Double.NaN};
        double[] a = lagA.isPresent() ? lagA.get().stopAndMeasure(answered) : none;
        double[] b = lagB.isPresent() ? lagB.get().stopAndMeasure(answered) : none;
        r.lagEach = String.format("r%d p50 %s p99 %s, r%d p50 %s p99 %s", (leader + 1) % 3 + 1, ms(a[0]), ms(a[1]),
                (leader + 2) % 3 + 1, ms(b[0]), ms(b[1]));
        r.lag = !(b[1] <= a[1]) ? b : a; // the follower with the worse p99 (NaN counts as worse)
        System.out.printf("%s: raw txn %s/s, BR2K 1 client %s req/s (%.2f of raw txn, %.2f proposals/req) | raw put %s/s, "
                        + "put(16) %s/s, BR2K 16 clients %s req/s (%.2f of put(16), %.2f proposals/req, follower lag p99 %s) | load %.2f%n",
                label, fmt(r.rawTxn), fmt(r.one[0]), r.one[0] / r.rawTxn, r.proposalsOne, fmt(r.rawPut), fmt(r.rawPutSixteen),
                fmt(r.sixteen[0]), r.sixteen[0] / r.rawPutSixteen, r.proposalsSixteen, ms(r.lag[1]), loadAverage());
        System.out.printf("  raw txn shaped like a BR2K commit (4 compares, 6 puts), 1 client: %s txn/s (%.2f of raw txn)%n",
                fmt(r.rawShaped), r.rawShaped / r.rawTxn);
        System.out.printf("  floor (HTTP + one guarded txn per request): 1 client %s req/s (%.2f of raw txn), 16 clients %s req/s "
                + "(%.2f of put(16)); CPU per request %s and %s%n", fmt(r.floorOne[0]), r.floorOne[0] / r.rawTxn, fmt(r.floorSixteen[0]),
                r.floorSixteen[0] / r.rawPutSixteen, r.cpuFloorOne, r.cpuFloorSixteen);
        System.out.println("  follower lag, 16 clients, each follower: " + r.lagEach);
        System.out.println("  inside the leader, 1 client: " + r.insideOne + "; CPU " + r.cpuOne);
        System.out.println("  inside the leader, 16 clients: " + r.insideSixteen + "; CPU " + r.cpuSixteen);
        return r;
    }

    /** The figures of one round. */
    private static final class Round {
        double rawTxn;
        /** Raw transactions shaped like a BR2K commit of one request, 1 client. */
        double rawShaped;
        /** The floor (HTTP + one guarded txn per request, {@link FloorServer}): rate, p50, p99. */
        double[] floorOne;
        double[] floorSixteen;
        String cpuFloorOne;
        String cpuFloorSixteen;
        double[] one;
        String insideOne;
        String cpuOne;
        double proposalsOne;
        double rawPut;
        double rawPutSixteen;
        double[] sixteen;
        String insideSixteen;
        String cpuSixteen;
        double proposalsSixteen;
        double[] lag;
        String lagEach;

        /** How this round did against both throughput targets, to pick the median round by. */
        double score() {
            return Math.min(one[0] / rawTxn, sixteen[0] / rawPutSixteen);
        }
    }

    private static Round median(Round[] rounds) {
        Round[] sorted = rounds.clone();
        Arrays.sort(sorted, (a, b) -> Double.compare(a.score(), b.score()));
        return sorted[sorted.length / 2];
    }

    private static String verdict(boolean ok) {
        return ok ? "met" : "NOT met";
    }

    private double rawGuardedTxn(KV kv, int n) throws Exception {
        ByteSequence key = bs("/bench/guarded");
        kv.put(key, bs("0")).get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            guardedIncrement(kv, key, i);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Raw transactions of a BR2K commit's shape at 1 client, one after another: the fencing compare on a key's mod
     * revision, {@code log-size == n} and two absent request ids, then six puts (the entry, its status, its request id,
     * {@code log-size}, {@code service-state}, {@code lpi}). What etcd charges for the shape itself, without BR2K.
     */
    private double rawCommitShapedTxn(KV kv, int n) throws Exception {
        ByteSequence fence = bs("/bench/shape/leader");
        ByteSequence size = bs("/bench/shape/log-size");
        long revision = kv.put(fence, bs("{\"id\":\"r1\",\"url\":\"http://127.0.0.1:1\",\"term\":2}")).get(10, TimeUnit.SECONDS)
                .getHeader().getRevision();
        kv.put(size, bs("0")).get(10, TimeUnit.SECONDS);
        String entry = "{\"requestId\":\"%s\",\"type\":\"REPLICATE\",\"method\":\"PUT\",\"path\":\"/kv/one-%d\","
                + "\"headers\":{},\"body\":\"value %d\",\"timestamp\":1765000000000,\"seed\":123456789}";
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String id = "shape-" + revision + "-" + i;
            boolean ok = kv.txn().If(
                            new Cmp(fence, Cmp.Op.EQUAL, CmpTarget.modRevision(revision)),
                            new Cmp(size, Cmp.Op.EQUAL, CmpTarget.value(bs(String.valueOf(i)))),
                            new Cmp(bs("/bench/shape/request/2/" + id), Cmp.Op.EQUAL, CmpTarget.version(0)),
                            new Cmp(bs("/bench/shape/request/1/" + id), Cmp.Op.EQUAL, CmpTarget.version(0)))
                    .Then(Op.put(bs("/bench/shape/log/" + (i + 1)), bs(String.format(entry, id, i, i)), PutOption.DEFAULT),
                            Op.put(bs("/bench/shape/status/" + (i + 1)), bs("{\"type\":\"REPLICATE\",\"status\":\"SUCCESS\","
                                    + "\"leader\":\"r1\",\"response\":{\"status\":200,\"body\":\"{}\"}}"), PutOption.DEFAULT),
                            Op.put(bs("/bench/shape/request/2/" + id), bs("{\"index\":" + (i + 1) + "}"), PutOption.DEFAULT),
                            Op.put(size, bs(String.valueOf(i + 1)), PutOption.DEFAULT),
                            Op.put(bs("/bench/shape/service-state"), bs(String.valueOf(i + 1)), PutOption.DEFAULT),
                            Op.put(bs("/bench/shape/lpi/r1"), bs(String.valueOf(i + 1)), PutOption.DEFAULT))
                    .commit().get(10, TimeUnit.SECONDS).isSucceeded();
            if (!ok) {
                throw new IllegalStateException("the commit-shaped transaction's guard failed");
            }
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        kv.delete(bs("/bench/shape/"), io.etcd.jetcd.options.DeleteOption.builder().isPrefix(true).build()).get(10, TimeUnit.SECONDS);
        return rate;
    }

    private static void guardedIncrement(KV kv, ByteSequence key, long from) throws Exception {
        boolean ok = kv.txn().If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.value(bs(String.valueOf(from)))))
                .Then(Op.put(key, bs(String.valueOf(from + 1)), PutOption.DEFAULT)).commit()
                .get(10, TimeUnit.SECONDS).isSucceeded();
        if (!ok) {
            throw new IllegalStateException("guard failed");
        }
    }

    private double rawPipelinedPut(KV kv, int n) throws Exception {
        return rawPipelinedPut(kv, n, 64);
    }

    private double rawPipelinedPut(KV kv, int n, int window) throws Exception {
        Semaphore inFlight = new Semaphore(window);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            kv.put(bs("/bench/put/" + (i % 1000)), bs("value-" + i)).whenComplete((r, e) -> inFlight.release());
        }
        inFlight.acquire(window);
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

    /**
     * {@code clients} threads each send {@code each} PUTs, each with a request id; returns rate, p50 and p99
     * latency in ns. Adds (nanoTime of the answer, log index) of every request to {@code answered}.
     */
    private double[] clients(URI base, int clients, int each, String tag, ConcurrentLinkedQueue<long[]> answered)
            throws Exception {
        return clients(base, "/kv/", clients, each, tag, answered);
    }

    private double[] clients(URI base, String path, int clients, int each, String tag, ConcurrentLinkedQueue<long[]> answered)
            throws Exception {
        long[] latencies = new long[clients * each];
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(clients, c -> {
            for (int i = 0; i < each; i++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path + tag + "-" + c + "-" + i))
                        .header("Br2k-Request-Id", tag + "-" + c + "-" + i)
                        .PUT(HttpRequest.BodyPublishers.ofString("value " + i)).timeout(Duration.ofSeconds(30)).build();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 200) {
                        failures.incrementAndGet();
                    } else {
                        Matcher index = INDEX.matcher(res.body());
                        if (index.find()) {
                            answered.add(new long[] {System.nanoTime(), Long.parseLong(index.group(1))});
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                latencies[c * each + i] = System.nanoTime() - t0;
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed in " + tag);
        }
        Arrays.sort(latencies);
        return new double[] {latencies.length / seconds, latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)]};
    }

    /** Work of one client thread. */
    private interface ClientWork {
        void run(int client) throws Exception;
    }

    private static void inParallel(int clients, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Callable<Void> task = () -> {
                    work.run(client);
                    return null;
                };
                done.add(pool.submit(task));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** etcd's count of committed proposals, from the first member's {@code /metrics}: every member's writes count. */
    private static double proposals(BenchReplicas kv) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(kv.etcd().members().get(0).clientUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PROPOSALS.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("etcd's /metrics has no etcd_server_proposals_committed_total");
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * CPU time of each etcd member and, when the replicas run as processes, of each replica (from /proc; -1 for a
     * replica that is not running), and of this JVM: the clients, the floor and, in one JVM, the three replicas.
     * Member {@code i} is the one replica {@code i} sits beside.
     */
    private record Cpu(int leader, long[] etcdNanos, long[] replicaNanos, long jvmNanos, long jitNanos) {
        static Cpu now(BenchReplicas kv, int leader) throws Exception {
            var members = kv.etcd().members();
            long[] etcd = new long[members.size()];
            long[] replicas = new long[members.size()];
            for (int i = 0; i < members.size(); i++) {
                etcd[i] = processNanos(members.get(i).pid());
                OptionalLong pid = kv.pid(i);
                replicas[i] = pid.isPresent() ? processNanos(pid.getAsLong()) : -1;
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long jit = 0;
            for (long pid : jvms(kv)) {
                jit += compilerNanos(pid);
            }
            return new Cpu(leader, etcd, replicas, os.getProcessCpuTime(), jit);
        }

        /** This JVM and the replicas' processes. */
        private static List<Long> jvms(BenchReplicas kv) {
            List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
            for (int i = 0; i < 3; i++) {
                kv.pid(i).ifPresent(pids::add);
            }
            return pids;
        }

        private static long processNanos(long pid) throws java.io.IOException {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        }

        /** CPU time of a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"). */
        private static long compilerNanos(long pid) throws java.io.IOException {
            long sum = 0;
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                            sum += ticks(Files.readString(task.resolve("stat")));
                        }
                    } catch (java.io.IOException gone) {
                        // a thread that ended between the listing and the read
                    }
                }
            }
            return sum;
        }

        /** utime + stime of a /proc stat line, in nanoseconds (clock ticks of 10 ms). */
        private static long ticks(String stat) {
            String[] fields = stat.split("\\) ")[1].split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        }

        String perRequest(Cpu after, int requests) {
            double jvm = (after.jvmNanos - jvmNanos) / 1e6 / requests;
            double etcd = 0;
            for (int i = 0; i < etcdNanos.length; i++) {
                etcd += (after.etcdNanos[i] - etcdNanos[i]) / 1e6 / requests;
            }
            double jit = (after.jitNanos - jitNanos) / 1e6 / requests;
            if (replicaNanos[leader] < 0) {
                return String.format("etcd members %.2f ms, JVM (clients + 3 replicas) %.2f ms; JIT compilers %.2f ms of that", etcd,
                        jvm, jit);
            }
            int a = (leader + 1) % 3;
            int b = (leader + 2) % 3;
            return String.format("leader r%d %s, followers r%d %s + r%d %s; etcd %.2f ms (beside the leader %s, the followers %s + %s);"
                            + " clients' JVM %.2f ms; JIT compilers %.2f ms of all that", leader + 1, replica(after, leader, requests), a + 1, replica(after, a, requests),
                    b + 1, replica(after, b, requests), etcd, member(after, leader, requests), member(after, a, requests),
                    member(after, b, requests), jvm, jit);
        }

        private String replica(Cpu after, int i, int requests) {
            return replicaNanos[i] < 0 || after.replicaNanos[i] < 0 ? "stopped"
                    : String.format("%.2f ms", (after.replicaNanos[i] - replicaNanos[i]) / 1e6 / requests);
        }

        private String member(Cpu after, int i, int requests) {
            return String.format("%.2f ms", (after.etcdNanos[i] - etcdNanos[i]) / 1e6 / requests);
        }
    }

    /** Polls a follower's applied index while clients run; lag = applied - answered, per index. */
    private static final class LagSampler {
        private final List<long[]> samples = new ArrayList<>();
        private volatile boolean running = true;
        private final Thread thread;

        private LagSampler(URI status) {
            this.thread = new Thread(() -> {
                HttpRequest req = HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5)).build();
                Pattern lpi = Pattern.compile("\"lpi\":(\\d+)");
                while (running) {
                    try {
                        String body = HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
                        Matcher m = lpi.matcher(body);
                        if (m.find()) {
                            synchronized (samples) {
                                samples.add(new long[] {System.nanoTime(), Long.parseLong(m.group(1))});
                            }
                        }
                    } catch (Exception e) {
                        return;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // sample every ~2 ms, not a busy loop
                }
            }, "lag-sampler");
        }

        static LagSampler start(URI status) {
            LagSampler s = new LagSampler(status);
            s.thread.start();
            return s;
        }

        /** p50 and p99 in ns over the answered indices the follower was seen applying. */
        double[] stopAndMeasure(ConcurrentLinkedQueue<long[]> answered) throws Exception {
            long until = System.nanoTime() + 2_000_000_000L;
            long max = answered.stream().mapToLong(a -> a[1]).max().orElse(0);
            while (System.nanoTime() < until && lastLpi() < max) {
                Thread.sleep(1); // the follower still applies the last ones
            }
            running = false;
            thread.join();
            List<Long> lags = new ArrayList<>();
            for (long[] a : answered) {
                long applied = firstAtLeast(a[1]);
                if (applied > 0) {
                    lags.add(Math.max(0, applied - a[0]));
                }
            }
            lags.sort(Long::compare);
            return lags.isEmpty() ? new double[] {Double.NaN, Double.NaN}
                    : new double[] {lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99))};
        }

        private long lastLpi() {
            synchronized (samples) {
                return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
            }
        }

        private long firstAtLeast(long index) {
            synchronized (samples) {
                for (long[] s : samples) {
                    if (s[1] >= index) {
                        return s[0];
                    }
                }
            }
            return 0;
        }
    }

    /** Sums and counts of the leader's latency histograms, from its {@code /metrics}. */
    private static Map<String, double[]> leaderHistograms(BenchReplicas kv, int leader) throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(kv.url(leader, "/metrics"))
                        .header("Authorization", "Bearer " + KvReplicas.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return Map.of("write", histogram(text, "br2k_leader_write_seconds"), "handler", histogram(text, "br2k_handler_seconds"),
                "request", histogram(text, "br2k_leader_request_seconds"));
    }

    private static double[] histogram(String metrics, String name) {
        double[] sumCount = new double[2];
        Matcher m = Pattern.compile("(?m)^" + name + "_(sum|count)\\{[^}]*} (\\S+)$").matcher(metrics);
        while (m.find()) {
            sumCount[m.group(1).equals("sum") ? 0 : 1] += Double.parseDouble(m.group(2));
        }
        return sumCount;
    }

    /** The means of the leader's histograms between two scrapes, as a sentence. */
    private static String inside(Map<String, double[]> before, Map<String, double[]> after) {
        double[] w = delta(before.get("write"), after.get("write"));
        double[] h = delta(before.get("handler"), after.get("handler"));
        double[] q = delta(before.get("request"), after.get("request"));
        return String.format("request %.1f ms = %.2f writes of %.1f ms per request (%.0f writes) + handler %.2f ms + the rest",
                q[0] / q[1] * 1e3, w[1] / q[1], w[0] / w[1] * 1e3, w[1], h[0] / h[1] * 1e3);
    }

    private static double[] delta(double[] before, double[] after) {
        return new double[] {after[0] - before[0], after[1] - before[1]};
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void row(String what, String result, String target) {
        rows.add(new String[] {what, result, target});
    }

    private void print(int rounds) {
        System.out.println();
        System.out.println("Median of " + rounds + " rounds (by the worse of the two target ratios):");
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
