package dev.br2k.testkit;

import dev.br2k.testkit.internal.ComponentExtension;
import dev.br2k.testkit.internal.FreePorts;
import dev.br2k.testkit.internal.ManagedProcess;
import dev.br2k.testkit.internal.Poll;
import dev.br2k.testkit.internal.ProcessReaper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The life cycle of a component that is one process on one free loopback port ({@link Anvil},
 * {@link OciRegistry}): a directory from the {@link ProcessReaper}, the port, the process started and
 * polled until it answers, its log's end as diagnostics, and on close the process killed and the
 * directory deleted. Subclasses say how to launch and how to tell that it answers.
 */
abstract class ProcessComponent extends ComponentExtension {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Supplier<Path> binary;
    private Path dir;
    private int port;
    private volatile ManagedProcess process;

    /**
     * @param name   the process's name in logs and errors ("anvil")
     * @param binary the executable's path; throws {@link MissingBinaryException} when it is not installed
     */
    ProcessComponent(String name, Supplier<Path> binary) {
        this.name = name;
        this.binary = binary;
    }

    /** Starts the process in {@link #dir()} on {@link #port()} (with {@link #run}) and waits until it answers. */
    abstract void launch();

    /** Takes a directory and a port and launches, unless already started. */
    final synchronized void startOnce() {
        if (process != null) {
            return;
        }
        binary.get();
        dir = ProcessReaper.get().newDirectory(name);
        port = FreePorts.next();
        launch();
    }

    /**
     * Starts {@code arguments} after the binary, logging to {@code dir/logName}, then polls {@code answer}
     * until it yields; a process that exits meanwhile fails at once with its log's end.
     */
    final <T> T run(List<String> arguments, String logName, String waitingFor, Supplier<Optional<T>> answer) {
        return run(arguments, logName, waitingFor, Duration.ofSeconds(30), answer);
    }

    /** {@link #run(List, String, String, Supplier)} waiting up to {@code timeout} (a JVM starts slowly on a busy machine). */
    final <T> T run(List<String> arguments, String logName, String waitingFor, Duration timeout, Supplier<Optional<T>> answer) {
        List<String> command = new java.util.ArrayList<>();
        command.add(binary.get().toString());
        command.addAll(arguments);
        ManagedProcess started = ManagedProcess.start(name, command, dir, dir.resolve(logName), Map.of());
        process = started;
        return Poll.until(timeout, waitingFor, () -> {
            if (!started.isAlive()) {
                throw new TestkitException(name + " exited:\n" + started.tail(20));
            }
            return answer.get();
        });
    }

    /** Sends a request to the process (2 s timeouts); failing to get an answer is a {@link TestkitException}. */
    final <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new TestkitException(name + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while waiting for " + name, e);
        }
    }

    final Path dir() {
        return dir;
    }

    final int port() {
        return port;
    }

    /** The running process; a {@link TestkitException} when not started. */
    final ManagedProcess process() {
        ManagedProcess p = process;
        if (p == null) {
            throw new TestkitException(name + " is not started");
        }
        return p;
    }

    /** True while the process is alive. */
    final boolean alive() {
        ManagedProcess p = process;
        return p != null && p.isAlive();
    }

    @Override
    public final synchronized void close() {
        if (process == null) {
            return;
        }
        process.kill();
        process = null;
        DirectoryTree.delete(dir);
    }

    @Override
    protected final void startComponent() {
        startOnce();
    }

    @Override
    protected final boolean isStarted() {
        return process != null;
    }

    @Override
    protected final String diagnostics() {
        ManagedProcess p = process;
        return p == null ? "" : p.tail(20);
    }
}
