package dev.br2k.replication;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.replication.sample.KvService;
import dev.br2k.testkit.EtcdCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** N in-JVM replicas of {@link KvService}, replica i beside etcd member i. */
final class KvReplicas implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The admin token every test replica gets ({@code GET /metrics}, {@code POST /br2k/backup}); see {@link Http#getAdmin}. */
    static final String ADMIN_TOKEN = "test-admin-token-5d1e2f7a9c3b";

    private final EtcdCluster etcd;
    private final Path dir;
    private final String service;
    private final Consumer<Br2kConfig> extra;
    private final List<Optional<KvService>> replicas = new ArrayList<>();
    private final Map<Integer, URI> colocated = new java.util.HashMap<>();

    KvReplicas(EtcdCluster etcd, Path dir, String service, int n, Consumer<Br2kConfig> extra) {
        this.etcd = etcd;
        this.dir = dir;
        this.service = service;
        this.extra = extra;
        for (int i = 0; i < n; i++) {
            replicas.add(Optional.empty());
        }
    }

    static KvReplicas start(EtcdCluster etcd, Path dir, String service, int n) {
        return start(etcd, dir, service, n, c -> { });
    }

    static KvReplicas start(EtcdCluster etcd, Path dir, String service, int n, Consumer<Br2kConfig> extra) {
        KvReplicas r = new KvReplicas(etcd, dir, service, n, extra);
        for (int i = 0; i < n; i++) {
            r.start(i);
        }
        return r;
    }

    EtcdCluster etcd() {
        return etcd;
    }

    String service() {
        return service;
    }

    Path stateDir(int i) {
        return dir.resolve("r" + (i + 1));
    }

    /**
     * Replicas whose co-located member is reached through a {@link dev.br2k.testkit.TcpProxy} at {@code proxies[i]}
     * (the other members directly).
     */
    static KvReplicas startBehind(EtcdCluster etcd, Path dir, String service, List<URI> proxies, Consumer<Br2kConfig> extra) {
        KvReplicas r = new KvReplicas(etcd, dir, service, proxies.size(), extra);
        for (int i = 0; i < proxies.size(); i++) {
            r.colocated.put(i, proxies.get(i));
        }
        for (int i = 0; i < proxies.size(); i++) {
            r.start(i);
        }
        return r;
    }

    String endpointsFor(int i) {
        // every member, running or not: a replica's co-located member stays its first endpoint while it is down
        List<URI> urls = new ArrayList<>(etcd.members().stream().map(m -> m.clientUrl()).toList());
        if (i < urls.size()) {
            urls.add(0, urls.remove(i));
        }
        if (colocated.containsKey(i)) {
            urls.set(0, colocated.get(i));
        }
        return String.join(",", urls.stream().map(URI::toString).toList());
    }

    KvService start(int i) {
        KvService s = KvService.create(c -> {
            c.serviceName(service).replicaId("r" + (i + 1)).etcdEndpoints(endpointsFor(i).split(","))
                    .stateDir(stateDir(i)).etcdTimeout(Duration.ofSeconds(3)).roleCheckInterval(Duration.ofMillis(100))
                    .adminToken(ADMIN_TOKEN);
            extra.accept(c);
        }).start();
        replicas.set(i, Optional.of(s));
        return s;
    }

    void stop(int i) {
        replicas.get(i).ifPresent(KvService::close);
        replicas.set(i, Optional.empty());
    }

    KvService get(int i) {
        return replicas.get(i).orElseThrow(() -> new IllegalStateException("replica " + i + " is stopped"));
    }

    int size() {
        return replicas.size();
    }

    List<Integer> running() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            if (replicas.get(i).isPresent()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Waits until exactly one running replica leads, and returns its number. */
    int awaitLeader() {
        int[] leader = {-1};
        await("a single leader among " + service).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<Integer> leaders = running().stream().filter(i -> get(i).app().role() == Role.LEADER).toList();
                    if (leaders.size() == 1) {
                        leader[0] = leaders.get(0);
                        return true;
                    }
                    return false;
                });
        return leader[0];
    }

    URI url(int i, String path) {
        return URI.create(get(i).url() + path);
    }

    JsonNode status(int i) {
        try {
            return JSON.readTree(Http.get(url(i, "/br2k/status")).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every running replica has applied the whole log and holds the same data; returns it. */
    Map<String, String> awaitConverged() {
        await("replicas of " + service + " converge").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    int leader = awaitLeader();
                    long ssi = status(leader).get("ssi").asLong();
                    Map<String, String> expected = get(leader).entries();
                    for (int i : running()) {
                        JsonNode st = status(i);
                        org.assertj.core.api.Assertions.assertThat(st.get("role").asText()).as("role of r%d", i + 1)
                                .isIn("LEADER", "FOLLOWER");
                        org.assertj.core.api.Assertions.assertThat(st.get("lpi").asLong()).as("lpi of r%d", i + 1).isEqualTo(ssi);
                        org.assertj.core.api.Assertions.assertThat(get(i).entries()).as("data of r%d", i + 1).isEqualTo(expected);
                    }
                });
        try {
            return get(awaitLeader()).entries();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request to the current leader as a well-behaved client does ({@link Http#sendToLeader}). */
    java.net.http.HttpResponse<String> send(String method, String path, String body, String... headers) {
        return Http.sendToLeader(p -> url(awaitLeader(), p), method, path, body, headers);
    }

    @Override
    public void close() {
        for (int i = 0; i < replicas.size(); i++) {
            stop(i);
        }
    }
}
