package dev.br2k.cli.sandbox;

import dev.br2k.cli.CliException;
import dev.br2k.cluster.local.ProcessRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts processes that outlive the {@code br2k} command (in their own session, via setsid, so a
 * closed terminal does not take them down) and stops them later from any process by pid and start
 * time, with their whole process group.
 */
final class DetachedProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private DetachedProcess() {
    }

    static ProcessRecord start(List<String> command, Map<String, String> env, Path log) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.addAll(command);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            ChildEnvironment.scrub(pb.environment());
            return ProcessRecord.of(pb.start().toHandle());
        } catch (IOException e) {
            throw CliException.failed("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Stops the process and its group: SIGTERM, then SIGKILL after {@code grace}. Answers whether it was running. */
    static boolean stop(ProcessRecord record, Duration grace) {
        Optional<ProcessHandle> h = record.handle();
        if (h.isEmpty()) {
            return false;
        }
        List<ProcessHandle> tree = new ArrayList<>(h.get().descendants().toList());
        signalGroup(record.pid(), "TERM");
        h.get().destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && (h.get().isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (h.get().isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive)) {
            signalGroup(record.pid(), "KILL");
            h.get().destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        return true;
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            // kill(1) missing: the direct destroy below still ends the leader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
