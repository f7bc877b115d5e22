package dev.br2k.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.CliException;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cluster.local.ProcessRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code sandbox up} started, persisted so that {@code sandbox down} and {@code status} work from
 * another process later: the chain node's and the Watch's processes (pid and start time), the local
 * cluster, the registry and the operator account.
 */
public record SandboxState(Path dir, Optional<ProcessRecord> anvil, Optional<ProcessRecord> watch, String rpcUrl, long chainId,
                           String registryAddress, String operator, Path keystore, String service, Path clusterBaseDir,
                           List<String> replicaUrls, List<String> etcdEndpoints, Instant createdAt) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String STATE_FILE = "state.json";

    public SandboxState {
        Objects.requireNonNull(dir, "dir");
        replicaUrls = List.copyOf(replicaUrls);
        etcdEndpoints = List.copyOf(etcdEndpoints);
    }

    public static Optional<SandboxState> read(Br2kHome home) {
        Path file = home.sandboxDir().resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return Optional.of(new SandboxState(home.sandboxDir(), process(n.get("anvil")), process(n.get("watch")),
                    n.path("rpcUrl").asText(), n.path("chainId").asLong(), n.path("registryAddress").asText(),
                    n.path("operator").asText(), Path.of(n.path("keystorePath").asText()), n.path("service").asText(),
                    Path.of(n.path("clusterBaseDir").asText()), strings(n.get("replicaUrls")), strings(n.get("etcdEndpoints")),
                    Instant.parse(n.path("createdAt").asText(Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            throw CliException.badFile("the sandbox record " + file + " is broken (" + e.getMessage()
                    + "): stop what is left by hand and delete " + home.sandboxDir());
        }
    }

    public void write() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        anvil.ifPresent(p -> process(n.putObject("anvil"), p));
        watch.ifPresent(p -> process(n.putObject("watch"), p));
        n.put("rpcUrl", rpcUrl);
        n.put("chainId", chainId);
        n.put("registryAddress", registryAddress);
        n.put("operator", operator);
        n.put("keystorePath", keystore.toString());
        n.put("service", service);
        n.put("clusterBaseDir", clusterBaseDir.toString());
        replicaUrls.forEach(n.putArray("replicaUrls")::add);
        etcdEndpoints.forEach(n.putArray("etcdEndpoints")::add);
        n.put("createdAt", createdAt.toString());
        Br2kHome.writeAtomically(dir.resolve(STATE_FILE), JSON.writeValueAsString(n), false);
    }

    public SandboxState withWatch(ProcessRecord process) {
        return new SandboxState(dir, anvil, Optional.of(process), rpcUrl, chainId, registryAddress, operator, keystore, service,
                clusterBaseDir, replicaUrls, etcdEndpoints, createdAt);
    }

    /** The profile BR2K Watch and scripts read ({@code <home>/sandbox.json}). */
    public String profileJson() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", "sandbox");
        n.put("rpcUrl", rpcUrl);
        n.put("chainId", chainId);
        n.put("registryAddress", registryAddress);
        n.put("keystorePath", keystore.toString());
        n.put("operator", operator);
        n.put("service", service);
        ObjectNode cluster = n.putObject("cluster");
        cluster.put("kind", "local");
        cluster.put("baseDir", clusterBaseDir.toString());
        replicaUrls.forEach(n.putArray("replicaUrls")::add);
        etcdEndpoints.forEach(n.putArray("etcdEndpoints")::add);
        return JSON.writeValueAsString(n);
    }

    private static Optional<ProcessRecord> process(JsonNode n) {
        if (n == null || !n.has("pid")) {
            return Optional.empty();
        }
        return Optional.of(new ProcessRecord(n.path("pid").asLong(), Instant.parse(n.path("startedAt").asText())));
    }

    private static void process(ObjectNode n, ProcessRecord p) {
        n.put("pid", p.pid());
        n.put("startedAt", p.startedAt().toString());
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
