package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A replica against a real etcd member: a handler's unexpected exception text (a database URL with a password,
 * here) reaches neither the client nor etcd; the client gets a stable message and an error id, and the replica's
 * log holds the detail under that id. A deliberate {@link HttpResponseException} keeps its message.
 */
class ErrorDetailsIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    private static final String SECRET = "jdbc:postgresql://db.internal/prod?password=hunter2-S3CRET";

    @TempDir
    Path dir;

    private Br2kApp app;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        logged.start();
        root.addAppender(logged);
        app = Br2kApp.create(c -> c.serviceName("errors").replicaId("r1").etcdEndpoints(etcd.endpoints().split(","))
                        .stateDir(dir.resolve("r1")).roleCheckInterval(Duration.ofMillis(100)))
                .replicate(HttpMethod.POST, "/boom", ctx -> {
                    throw new IllegalStateException("cannot connect to " + SECRET);
                })
                .onlyOnce(HttpMethod.GET, "/boom", ctx -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("read " + SECRET + " failed"));
                })
                .replicate(HttpMethod.POST, "/refuse", ctx -> {
                    throw new HttpResponseException(422, "the name must be lower-case");
                })
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> app.role() == Role.LEADER);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        root.detachAppender(logged);
    }

    @Test
    void an_unexpected_handler_exception_reaches_neither_client_nor_etcd_and_the_log_holds_it_under_the_error_id()
            throws Exception {
        for (String method : List.of("POST", "GET")) {
            HttpResponse<String> res = Http.send(method, url(app, "/boom"), null, "Br2k-Request-Id", "boom-" + method);

            assertThat(res.statusCode()).isEqualTo(500);
            assertThat(res.body()).doesNotContain("hunter2").doesNotContain("jdbc:").doesNotContain("Exception");
            JsonNode body = KvReplicas.JSON.readTree(res.body());
            assertThat(body.path("error").asText()).isEqualTo("the handler failed");
            String errorId = body.path("errorId").asText();
            assertThat(errorId).as("%s /boom answers an error id", method).matches("[0-9a-f-]{36}");
            assertThat(logged.list).as("the replica's log holds the detail with the id").anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains(errorId);
                assertThat(e.getFormattedMessage() + ThrowableProxyUtil.asString(e.getThrowableProxy())).contains(SECRET);
            });

            HttpResponse<String> retry = Http.send(method, url(app, "/boom"), null, "Br2k-Request-Id", "boom-" + method);
            assertThat(retry.body()).as("the stored answer a retry gets").doesNotContain("hunter2").contains(errorId);
        }
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "errors")) {
            Map<String, String> all = keys.all("");
            assertThat(all).as("keys of the service").isNotEmpty();
            assertThat(all.values()).noneMatch(v -> v.contains("hunter2") || v.contains("jdbc:"));
        }
    }

    @Test
    void a_deliberate_http_response_exception_keeps_the_message_its_developer_wrote() {
        HttpResponse<String> res = Http.send("POST", url(app, "/refuse"), null);

        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("the name must be lower-case").doesNotContain("errorId");
    }

    private static java.net.URI url(Br2kApp app, String path) {
        return java.net.URI.create(app.url() + path);
    }
}
