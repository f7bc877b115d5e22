package dev.br2k.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC proxy in front of a real node that forwards every request but, for the next {@code n}
 * requests of one method, drops the node's answer (closes the connection without replying): the
 * request took effect on the node, the client never learns it.
 */
final class LossyRpcProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private volatile String lossyMethod = "";
    private final AtomicInteger answersToDrop = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    LossyRpcProxy(String targetUrl) {
        this.target = URI.create(targetUrl);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String rpcUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Drops the answers to the next {@code count} requests of {@code method}. */
    void dropAnswers(String method, int count) {
        lossyMethod = "\"" + method + "\"";
        answersToDrop.set(count);
    }

    /** How many requests of {@code method} reached the node so far. */
    int forwarded() {
        return forwarded.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (text.contains(lossyMethod) && !lossyMethod.isEmpty()) {
                forwarded.incrementAndGet();
                if (answersToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return;   // the node has it; the client gets a closed connection
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
