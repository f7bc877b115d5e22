package dev.br2k.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
public final class Anvil extends ProcessComponent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long chainId;
    private final int blockTimeSeconds;
    private final int accounts;
    private volatile List<Credentials> credentials = List.of();

    private Anvil(Builder builder) {
        super("anvil", Tools::anvil);
        this.chainId = builder.chainId;
        this.blockTimeSeconds = builder.blockTimeSeconds;
        this.accounts = builder.accounts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the node and waits until it answers {@code eth_chainId}. */
    public Anvil start() {
        startOnce();
        return this;
    }

    /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:28545}. */
    public String rpcUrl() {
        return "http://127.0.0.1:" + port();
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
        process().stop(Duration.ofSeconds(15));
        launch();
    }

    /** SIGKILL: the node dies as on a crash; without a graceful stop its state since start is lost. */
    public synchronized void kill() {
        process().kill();
    }

    /** True while the anvil process is alive. */
    public boolean isRunning() {
        return alive();
    }

    @Override
    void launch() {
        Path configOut = dir().resolve("config.json");
        List<String> arguments = new ArrayList<>(List.of(
                "--host", "127.0.0.1",
                "--port", Integer.toString(port()),
                "--chain-id", Long.toString(chainId),
                "--accounts", Integer.toString(accounts),
                "--balance", "10000",
                "--state", dir().resolve("state.json").toString(),
                "--config-out", configOut.toString()));
        if (blockTimeSeconds > 0) {
            arguments.add("--block-time");
            arguments.add(Integer.toString(blockTimeSeconds));
        }
        run(arguments, "anvil.log", "anvil to answer eth_chainId on " + rpcUrl(), () -> Optional.of(chainIdFromNode()));
        credentials = readCredentials(configOut);
    }

    private long chainIdFromNode() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        try {
            return Long.decode(JSON.readTree(response.body()).path("result").asText());
        } catch (IOException e) {
            throw new TestkitException("anvil did not answer JSON: " + e.getMessage(), e);
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
