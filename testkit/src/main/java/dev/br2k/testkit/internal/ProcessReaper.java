package dev.br2k.testkit.internal;

import dev.br2k.testkit.DirectoryTree;
import dev.br2k.testkit.TestkitException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes sure nothing the testkit starts outlives the test JVM. Every component lives in one run
 * directory per JVM; every process is tracked there by pid and start time. Three layers clean up:
 * a component's own {@code close()}, a JVM shutdown hook, and a watchdog process in its own session
 * that notices when the JVM is gone (also after {@code kill -9}) and kills what is left. Runs left
 * behind by a machine crash are swept when the next test JVM starts.
 */
public final class ProcessReaper {

    private static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"), "br2k-testkit");
    private static ProcessReaper instance;

    private final Path runDir;
    private final Path trackDir;

    private ProcessReaper(Path runDir) {
        this.runDir = runDir;
        this.trackDir = runDir.resolve(".reaper");
    }

    /** The reaper of this JVM, started on first use. */
    public static synchronized ProcessReaper get() {
        if (instance == null) {
            sweepAbandonedRuns();
            long self = ProcessHandle.current().pid();
            Path runDir = BASE.resolve(self + "-" + UUID.randomUUID().toString().substring(0, 8));
            ProcessReaper reaper = new ProcessReaper(runDir);
            reaper.startWatchdog(self);
            Runtime.getRuntime().addShutdownHook(new Thread(reaper::reapAll, "br2k-testkit-reaper"));
            instance = reaper;
        }
        return instance;
    }

    /** A new empty directory inside this JVM's run directory. */
    public Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(runDir, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory under " + runDir, e);
        }
    }

    /** Remembers a started process so that it is killed if the JVM goes away first. */
    public void track(Process process) {
        long pid = process.pid();
        Optional<String> start = startTime(pid);
        if (start.isEmpty()) {
            return; // already gone
        }
        try {
            Files.writeString(trackDir.resolve("proc-" + pid), pid + " " + start.get() + "\n");
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("Cannot track process " + pid + " in " + trackDir, e);
        }
    }

    /** Forgets a process that has ended. */
    public void untrack(long pid) {
        try {
            Files.deleteIfExists(trackDir.resolve("proc-" + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private void startWatchdog(long ownerPid) {
        try {
            Files.createDirectories(trackDir);
            Path script = runDir.resolve(".reaper.sh");
            try (InputStream in = ProcessReaper.class.getResourceAsStream("/dev/br2k/testkit/reaper.sh")) {
                if (in == null) {
                    throw new TestkitException("reaper.sh is missing from the testkit jar");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            new ProcessBuilder("setsid", "bash", script.toString(), Long.toString(ownerPid), runDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the testkit's watchdog in " + runDir, e);
        }
    }

    private void reapAll() {
        reap(runDir);
    }

    private static void reap(Path runDir) {
        Path tracks = runDir.resolve(".reaper");
        if (Files.isDirectory(tracks)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(tracks, "proc-*")) {
                for (Path file : files) {
                    String[] fields = Files.readString(file).trim().split(" ");
                    long pid = Long.parseLong(fields[0]);
                    if (startTime(pid).filter(fields[1]::equals).isPresent()) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("br2k-testkit: could not reap all of " + runDir + ": " + e);
            }
        }
        try {
            DirectoryTree.delete(runDir);
        } catch (RuntimeException e) {
            System.err.println("br2k-testkit: could not delete " + runDir + ": " + e);
        }
    }

    private static void sweepAbandonedRuns() {
        if (!Files.isDirectory(BASE)) {
            return;
        }
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(BASE)) {
            for (Path run : runs) {
                String name = run.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                long owner;
                try {
                    owner = Long.parseLong(name.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                reap(run);
            }
        } catch (IOException e) {
            System.err.println("br2k-testkit: could not sweep " + BASE + ": " + e);
        }
    }

    /** Field 22 of /proc/PID/stat: the process's start time in clock ticks since boot. */
    static Optional<String> startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 2);
            return Optional.of(afterName.split(" ")[19]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
