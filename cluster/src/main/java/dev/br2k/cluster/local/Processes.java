package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts processes that outlive this JVM (in their own session, output appended to a log file) and
 * stops them by pid.
 */
final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Starts {@code command} with {@code env} added, output to {@code log}. A non-empty log of an
     * earlier run is moved to {@code <log>.previous} first.
     */
    static ProcessRecord start(List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workDir);
            if (Files.exists(log) && Files.size(log) > 0) {
                Files.move(log, previousLog(log), StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                cmd.add(SETSID.toString()); // own session: a Ctrl-C on the CLI does not reach the replicas
            }
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> childEnv = childEnvironment(pb.environment(), env);
            pb.environment().clear();
            pb.environment().putAll(childEnv);
            Process p = pb.start();
            return ProcessRecord.of(p.toHandle());
        } catch (IOException e) {
            throw new ClusterException("Cannot start " + command.get(0) + ": " + e.getMessage()
                    + ". Check that it is installed and executable.", e);
        }
    }

    /** Variables of this process that a child never inherits: the operator's keystore password is for the CLI alone. */
    static final java.util.Set<String> NOT_INHERITED = java.util.Set.of("BR2K_KEYSTORE_PASSWORD");

    /** The child's environment: this process's, less {@link #NOT_INHERITED}, plus {@code added} (which may set anything). */
    static Map<String, String> childEnvironment(Map<String, String> inherited, Map<String, String> added) {
        Map<String, String> out = new java.util.HashMap<>(inherited);
        NOT_INHERITED.forEach(out::remove);
        out.putAll(added);
        return out;
    }

    static Path previousLog(Path log) {
        return log.resolveSibling(log.getFileName() + ".previous");
    }

    /** Stops the process: SIGTERM, then SIGKILL after {@code graceMillis}. True when it was running. */
    static boolean stop(Optional<ProcessRecord> record, long graceMillis) {
        Optional<ProcessHandle> h = record.flatMap(ProcessRecord::handle);
        if (h.isEmpty()) {
            return false;
        }
        ProcessHandle handle = h.get();
        handle.destroy();
        try {
            handle.onExit().get(graceMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the next state()
            }
        }
        return true;
    }

    /** SIGKILL, for tests and crash drills. */
    static boolean kill(Optional<ProcessRecord> record) {
        Optional<ProcessHandle> h = record.flatMap(ProcessRecord::handle);
        h.ifPresent(handle -> {
            handle.destroyForcibly();
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the next state()
            }
        });
        return h.isPresent();
    }
}
