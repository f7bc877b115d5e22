package dev.br2k.testkit.internal;

import dev.br2k.testkit.TestkitException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real child process of a test component, with its output appended to a log file. Tracked by the
 * {@link ProcessReaper} while it runs.
 */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workDir}, appending stdout and stderr to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile,
                                       Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            ProcessReaper.get().track(process);
            return new ManagedProcess(name, process, logFile);
        } catch (IOException e) {
            throw new TestkitException("Cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM; SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            awaitExit(Duration.ZERO);
            return;
        }
        signal("CONT"); // a paused process cannot handle SIGTERM
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        } else {
            awaitExit(Duration.ZERO);
        }
    }

    /** SIGSTOP: the process stays alive but runs nothing, as a stalled machine would. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    /** The last {@code lines} lines of the log, for failure reports. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private void signal(String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                if (process.waitFor(1, TimeUnit.SECONDS)) {
                    // it exited between the check above and the signal: etcd stops itself once removed from its
                    // cluster, and EtcdClusterIT's stop of a removed member failed here once in a fresh-clone CI run
                    return;
                }
                throw new TestkitException("kill -" + signal + " " + process.pid() + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new TestkitException("Cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while signalling " + name, e);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitExit(Duration timeout) {
        if (waitFor(timeout.isZero() ? Duration.ofSeconds(10) : timeout)) {
            ProcessReaper.get().untrack(process.pid());
        }
    }
}
