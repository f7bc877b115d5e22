package dev.br2k.robustness.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.br2k.robustness.RunClock;
import dev.br2k.robustness.workload.PreparedRequest;
import dev.br2k.robustness.workload.Workload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load client against real loopback servers: an old leader that accepts connections and never
 * answers (as a stopped or cut-off process does), and two followers that say 503 until one of them leads.
 */
class LoadClientTest {
    /**
     * Long against the followers' answers (milliseconds, also on a loaded machine), so that a replica passed over for
     * one attempt timeout stays passed over while the client asks the others.
     */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void a_client_whose_leader_stopped_answering_passes_it_over_for_an_attempt_timeout_while_the_followers_answer() throws Exception {
        SilentServer oldLeader = new SilentServer();
        open.add(oldLeader);
        AtomicInteger asked = new AtomicInteger();
        URI newLeader = answering(exchange -> asked.incrementAndGet() > 2 ? 200 : 503);
        URI otherFollower = answering(exchange -> 503);
        ClientResults results = sendOne(List.of(oldLeader.uri(), newLeader, otherFollower), () -> Optional.of(oldLeader.uri()));

        assertThat(results.acks()).singleElement().satisfies(a -> assertThat(a.replica()).isEqualTo("r2"));
        assertThat(oldLeader.connections()).as("connections to the old leader, which the published location still names")
                .isEqualTo(1);
    }

    @Test
    void a_client_does_not_follow_a_redirect_to_a_replica_that_just_failed_to_answer_it() throws Exception {
        // a follower whose probe has not yet noticed the old leader is gone still redirects to it
        SilentServer oldLeader = new SilentServer();
        open.add(oldLeader);
        AtomicInteger asked = new AtomicInteger();
        URI newLeader = answering(exchange -> asked.incrementAndGet() > 2 ? 200 : 503);
        URI follower = redirecting(oldLeader.uri());
        ClientResults results = sendOne(List.of(oldLeader.uri(), follower, newLeader), Optional::empty);

        assertThat(results.acks()).singleElement().satisfies(a -> assertThat(a.replica()).isEqualTo("r3"));
        assertThat(oldLeader.connections()).as("connections to the old leader, to which the follower redirects")
                .isEqualTo(1);
    }

    /** One client (number 1, so it starts at the first replica) sends one request; the replicas are r1, r2, r3. */
    private static ClientResults sendOne(List<URI> replicas, LeaderLocator published) {
        Map<String, String> ids = new java.util.HashMap<>();
        for (int i = 0; i < replicas.size(); i++) {
            ids.put(replicas.get(i).getAuthority(), "r" + (i + 1));
        }
        ClientResults results = new ClientResults();
        new LoadClient(1, "run", replicas, ids, published, new OneRequest(),
                new ClientSettings(1, 10, 1, ATTEMPT_TIMEOUT, Duration.ofSeconds(10)), results, new RunClock(),
                new AtomicBoolean()).run();
        return results;
    }

    private URI redirecting(URI to) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", to.resolve(exchange.getRequestURI().getPath()).toString());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private URI answering(java.util.function.ToIntFunction<com.sun.net.httpserver.HttpExchange> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.applyAsInt(exchange), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Accepts connections and never answers. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static final class OneRequest implements Workload {
        @Override
        public String describe() {
            return "one request";
        }

        @Override
        public String serviceMainClass() {
            return "none";
        }

        @Override
        public void prepare(List<URI> replicas, int clients) {
        }

        @Override
        public PreparedRequest request(int client, String requestId) {
            return new PreparedRequest(requestId, "POST", "/put", "x", Map.of());
        }

        @Override
        public PreparedRequest read(int client, String requestId) {
            return request(client, requestId);
        }

        @Override
        public boolean canFailHandlers() {
            return false;
        }

        @Override
        public long appliedPerAnswer(String body) {
            return 1;
        }

        @Override
        public Path databaseFile(Path stateDir) {
            return stateDir;
        }

        @Override
        public Map<String, Long> applied(Path databaseFile) {
            return Map.of();
        }
    }
}
