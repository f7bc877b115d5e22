package dev.br2k.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's podman (4.3) as root with its own {@code containers.conf}, written to a directory the
 * test owns and named by {@code CONTAINERS_CONF}: these machines have cgroups v1 only (crun refuses
 * them, runc with the cgroupfs manager works) and may not raise resource limits (default ulimits set
 * to what is already allowed). Nothing here depends on a machine-wide podman configuration.
 *
 * <pre>{@code
 * Podman podman = Podman.in(tempDir);
 * podman.run("load", "-i", imageTar.toString());
 * String id = podman.run("run", "-d", "--network", "host", "myimage").out().strip();
 * }</pre>
 */
public final class Podman {
    static final String CONTAINERS_CONF = """
            [containers]
            default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
            [engine]
            cgroup_manager = "cgroupfs"
            runtime = "runc"
            """;

    private final Path binary;
    private final Path config;

    private Podman(Path binary, Path config) {
        this.binary = binary;
        this.config = config;
    }

    /** Writes the configuration under {@code dir} and checks that podman is installed. */
    public static Podman in(Path dir) {
        Path binary = Tools.podman();
        Tools.onPath("runc", "Run ./scripts/install-deps from the project root (Debian package runc).");
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("containers.conf");
            Files.writeString(config, CONTAINERS_CONF);
            return new Podman(binary, config);
        } catch (IOException e) {
            throw new TestkitException("cannot write the podman configuration under " + dir, e);
        }
    }

    /** What one podman command printed. */
    public record Result(int exitCode, String out, String err) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new TestkitException("podman failed (exit " + exitCode + "): " + err.strip() + " " + out.strip());
            }
            return this;
        }
    }

    /** Runs {@code podman args...} and waits up to two minutes for it. */
    public Result run(String... args) {
        return run(Duration.ofMinutes(2), args);
    }

    public Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("CONTAINERS_CONF", config.toString());
        try {
            Path out = Files.createTempFile("podman", ".out");
            Path err = Files.createTempFile("podman", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new TestkitException("podman " + String.join(" ", args) + " did not finish within " + timeout);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new TestkitException("cannot run podman: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while running podman", e);
        }
    }
}
