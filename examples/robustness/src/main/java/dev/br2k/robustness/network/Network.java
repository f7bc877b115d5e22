package dev.br2k.robustness.network;

import dev.br2k.robustness.ExperimentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment's network: a bridge in the root namespace with a private /24 on it, one network
 * namespace per replica and one for the chain node, each joined to the bridge by a veth pair. Taking the host end of a replica's veth
 * down cuts that namespace off from every other replica, from the clients and from the chain: a real
 * partition, healed by bringing the link up again.
 *
 * <p>Every name starts with this run's prefix ({@code br2kx} and four random hex digits); {@link #close()}
 * kills every process in the namespaces and deletes everything with the prefix. A watchdog process does
 * the same if the JVM dies without closing (also after {@code kill -9}).
 */
public final class Network implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final String subnet;
    private final List<String> namespaces = new ArrayList<>();
    private Process watchdog;

    private Network(String prefix, String subnet) {
        this.prefix = prefix;
        this.subnet = subnet;
    }

    /**
     * Creates the bridge and {@code replicas} namespaces.
     *
     * @param workDir where the watchdog's script is written (deleted by the caller)
     * @throws ExperimentException if not root or iproute2 is missing
     */
    public static Network create(int replicas, Path workDir) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new ExperimentException("the robustness experiment creates network namespaces and needs root; "
                    + "run it as root (e.g. sudo examples/robustness/run-experiment --short)");
        }
        Network net = new Network("br2kx" + String.format("%04x", RANDOM.nextInt(0x10000)), freeSubnet());
        try {
            net.startWatchdog(workDir);
            net.build(replicas);
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private static String freeSubnet() {
        String used = Shell.run("ip", "-4", "-o", "addr") + Shell.run("ip", "-4", "route");
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = "10." + (200 + RANDOM.nextInt(50)) + "." + RANDOM.nextInt(256) + ".";
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw new ExperimentException("found no free private /24 in 10.200.0.0-10.249.255.0 for the experiment's bridge");
    }

    private void build(int replicas) {
        Shell.run("ip", "link", "add", bridge(), "type", "bridge");
        Shell.run("ip", "addr", "add", subnet + "1/24", "dev", bridge());
        Shell.run("ip", "link", "set", bridge(), "up");
        for (int i = 1; i <= replicas; i++) {
            String ns = namespace(i);
            Shell.run("ip", "netns", "add", ns);
            namespaces.add(ns);
            Shell.run("ip", "link", "add", hostEnd(i), "type", "veth", "peer", "name", peerEnd(i));
            Shell.run("ip", "link", "set", peerEnd(i), "netns", ns);
            Shell.run("ip", "link", "set", hostEnd(i), "master", bridge(), "up");
            Shell.run("ip", "-n", ns, "link", "set", "lo", "up");
            Shell.run("ip", "-n", ns, "addr", "add", address(i) + "/24", "dev", peerEnd(i));
            Shell.run("ip", "-n", ns, "link", "set", peerEnd(i), "up");
        }
        String chain = chainNamespace();
        Shell.run("ip", "netns", "add", chain);
        namespaces.add(chain);
        Shell.run("ip", "link", "add", prefix + "hc", "type", "veth", "peer", "name", prefix + "pc");
        Shell.run("ip", "link", "set", prefix + "pc", "netns", chain);
        Shell.run("ip", "link", "set", prefix + "hc", "master", bridge(), "up");
        Shell.run("ip", "-n", chain, "link", "set", "lo", "up");
        Shell.run("ip", "-n", chain, "addr", "add", chainAddress() + "/24", "dev", prefix + "pc");
        Shell.run("ip", "-n", chain, "link", "set", prefix + "pc", "up");
    }

    /** The namespace the chain node runs in (never partitioned; killed with the others at clean-up). */
    public String chainNamespace() {
        return prefix + "c";
    }

    /** The chain node's address on the bridge. */
    public String chainAddress() {
        return subnet + "2";
    }

    /** The command prefix that runs a program inside the chain's namespace. */
    public List<String> execChain() {
        return List.of("ip", "netns", "exec", chainNamespace());
    }

    /** This run's name prefix, e.g. {@code br2kx3fa0}. */
    public String prefix() {
        return prefix;
    }

    /** The namespace of replica {@code i} (1-based). */
    public String namespace(int i) {
        return prefix + "r" + i;
    }

    /** The address of replica {@code i} on the bridge. */
    public String address(int i) {
        return subnet + (10 + i);
    }

    /** The bridge's own address (the clients' side, in the root namespace). */
    public String bridgeAddress() {
        return subnet + "1";
    }

    /** The command prefix that runs a program inside replica {@code i}'s namespace. */
    public List<String> exec(int i) {
        return List.of("ip", "netns", "exec", namespace(i));
    }

    /** Cuts replica {@code i}'s namespace off the bridge. */
    public void partition(int i) {
        Shell.run("ip", "link", "set", hostEnd(i), "down");
    }

    /** Joins replica {@code i}'s namespace to the bridge again. */
    public void heal(int i) {
        Shell.run("ip", "link", "set", hostEnd(i), "up");
    }

    private String bridge() {
        return prefix + "br";
    }

    private String hostEnd(int i) {
        return prefix + "h" + i;
    }

    private String peerEnd(int i) {
        return prefix + "p" + i;
    }

    private void startWatchdog(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path script = workDir.resolve("watchdog.sh");
            Files.writeString(script, watchdogScript());
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            watchdog = new ProcessBuilder("setsid", script.toString(), String.valueOf(ProcessHandle.current().pid()),
                    prefix, workDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ExperimentException("cannot start the clean-up watchdog: " + e.getMessage(), e);
        }
    }

    /** Kills what runs in this run's namespaces and deletes them, the veths and the bridge. */
    static String cleanupCommands(String prefix) {
        return """
                for ns in $(ip netns list | awk '{print $1}' | grep "^%1$s"); do
                  for p in $(ip netns pids "$ns"); do kill -9 "$p" 2>/dev/null; done
                done
                sleep 0.2
                for ns in $(ip netns list | awk '{print $1}' | grep "^%1$s"); do ip netns del "$ns"; done
                for l in $(ip -o link | awk -F': ' '{print $2}' | cut -d@ -f1 | grep "^%1$s"); do ip link del "$l" 2>/dev/null; done
                """.formatted(prefix);
    }

    private static String watchdogScript() {
        return """
                #!/bin/bash
                # Cleans up after a robustness run whose JVM ($1) died without doing it itself.
                jvm="$1"; prefix="$2"; dir="$3"
                case "$prefix" in br2kx????) ;; *) exit 1 ;; esac
                while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
                """ + cleanupCommands("$prefix") + """
                rm -rf "$dir"
                """;
    }

    /** Kills every process in this run's namespaces and deletes the namespaces, veths and bridge. Idempotent. */
    @Override
    public void close() {
        Shell.tryRun("bash", "-c", cleanupCommands(prefix));
        if (watchdog != null) {
            watchdog.destroyForcibly();
        }
    }
}
