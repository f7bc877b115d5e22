package dev.br2k.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.testkit.internal.ComponentExtension;
import dev.br2k.testkit.internal.FreePorts;
import dev.br2k.testkit.internal.ManagedProcess;
import dev.br2k.testkit.internal.Poll;
import dev.br2k.testkit.internal.ProcessReaper;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real anvil Ethereum node on a free loopback port, for tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Anvil anvil = Anvil.builder().chainId(1337).build();
 *
 * Web3j web3 = Web3j.build(new HttpService(anvil.rpcUrl()));
 * Credentials deployer = anvil.account(0);   // funded with 10,000 ETH
 * }</pre>
 *
 * Without a block time, anvil mines a block per transaction; with one, blocks come at that interval as
 * on a real chain. {@link #restart()} keeps the chain's state (anvil dumps it on a graceful stop).
 */
public final class Anvil extends ComponentExtension {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final long chainId;
    private final int blockTimeSeconds;
    private final int accounts;
    private Path dir;
    private int port;
    private volatile ManagedProcess process;
    private volatile List<Credentials> credentials = List.of();

    private Anvil(Builder builder) {
        this.chainId = builder.chainId;
        this.blockTimeSeconds = builder.blockTimeSeconds;
        this.accounts = builder.accounts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the node and waits until it answers {@code eth_chainId}. */
    public synchronized Anvil start() {
        if (process != null) {
            return this;
        }
        Tools.anvil();
        dir = ProcessReaper.get().newDirectory("anvil");
        port = FreePorts.next();
        launch();
        return this;
    }

    /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:28545}. */
    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long chainId() {
        return chainId;
    }

    /** A funded dev account (the well-known "test test ... junk" mnemonic's accounts). */
    public Credentials account(int index) {
        List<Credentials> all = credentials;
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException("account index must be in [0, " + all.size() + "), was " + index);
        }
        return all.get(index);
    }

    /** Every funded dev account. */
    public List<Credentials> accounts() {
        return credentials;
    }

    /** Stops gracefully (anvil dumps its state) and starts again on the same port and state. */
    public synchronized void restart() {
        requireRunning();
        process.stop(Duration.ofSeconds(15));
        launch();
    }

    /** SIGKILL: the node dies as on a crash; without a graceful stop its state since start is lost. */
    public synchronized void kill() {
        requireRunning();
        process.kill();
    }

    /** True while the anvil process is alive. */
    public boolean isRunning() {
        ManagedProcess p = process;
        return p != null && p.isAlive();
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.kill();
        process = null;
        ProcessReaper.deleteTree(dir);
    }

    @Override
    protected void startComponent() {
        start();
    }

    @Override
    protected boolean isStarted() {
        return process != null;
    }

    @Override
    protected String diagnostics() {
        return process == null ? "" : process.tail(20);
    }

    private void launch() {
        Path configOut = dir.resolve("config.json");
        List<String> command = new ArrayList<>(List.of(Tools.anvil().toString(),
                "--host", "127.0.0.1",
                "--port", Integer.toString(port),
                "--chain-id", Long.toString(chainId),
                "--accounts", Integer.toString(accounts),
                "--balance", "10000",
                "--state", dir.resolve("state.json").toString(),
                "--config-out", configOut.toString()));
        if (blockTimeSeconds > 0) {
            command.add("--block-time");
            command.add(Integer.toString(blockTimeSeconds));
        }
        process = ManagedProcess.start("anvil", command, dir, dir.resolve("anvil.log"), Map.of());
        Poll.until(Duration.ofSeconds(30), "anvil to answer eth_chainId on " + rpcUrl(), () -> {
            if (!process.isAlive()) {
                throw new TestkitException("anvil exited:\n" + process.tail(20));
            }
            return Optional.of(chainIdFromNode());
        });
        credentials = readCredentials(configOut);
    }

    private long chainIdFromNode() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return Long.decode(JSON.readTree(response.body()).path("result").asText());
        } catch (IOException e) {
            throw new TestkitException("anvil did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while waiting for anvil", e);
        }
    }

    private static List<Credentials> readCredentials(Path configOut) {
        try {
            JsonNode config = JSON.readTree(Files.readString(configOut));
            List<Credentials> result = new ArrayList<>();
            for (JsonNode key : config.path("private_keys")) {
                result.add(Credentials.create(key.asText()));
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new TestkitException("Cannot read anvil's accounts from " + configOut, e);
        }
    }

    private void requireRunning() {
        if (process == null) {
            throw new TestkitException("anvil is not started");
        }
    }

    /** Options for an {@link Anvil} node; checked when set. */
    public static final class Builder {
        private long chainId = 31337;
        private int blockTimeSeconds;
        private int accounts = 10;

        private Builder() {
        }

        /** The chain id the node reports (default 31337). */
        public Builder chainId(long chainId) {
            if (chainId < 1) {
                throw new IllegalArgumentException("chainId must be positive, was " + chainId);
            }
            this.chainId = chainId;
            return this;
        }

        /** Mine a block every {@code seconds} (default 0: a block per transaction). */
        public Builder blockTimeSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("blockTimeSeconds must not be negative, was " + seconds);
            }
            this.blockTimeSeconds = seconds;
            return this;
        }

        /** How many funded dev accounts (default 10). */
        public Builder accounts(int accounts) {
            if (accounts < 1 || accounts > 100) {
                throw new IllegalArgumentException("accounts must be between 1 and 100, was " + accounts);
            }
            this.accounts = accounts;
            return this;
        }

        public Anvil build() {
            return new Anvil(this);
        }
    }
}
