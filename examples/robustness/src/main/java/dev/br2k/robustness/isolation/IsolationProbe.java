package dev.br2k.robustness.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.robustness.ExperimentException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts an {@link IsolatedClient} inside a replica's network namespace and collects what it was
 * answered. The client's requests and answers are files in {@code dir}, kept with the replicas' logs.
 */
public final class IsolationProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path answers;

    private IsolationProbe(Process process, Path answers) {
        this.process = process;
        this.answers = answers;
    }

    /**
     * Starts the client with {@code exec} (e.g. {@code ip netns exec <namespace>}) in front of java; it sends
     * until {@code duration} from now (at least one write and one read).
     *
     * @param name a file name stem, e.g. "fault-7-isolated-client"
     */
    public static IsolationProbe start(List<String> exec, URI target, Duration duration, List<ProbeRequest> requests,
                                       String classPath, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path requestFile = dir.resolve(name + "-requests.json");
            Path answers = dir.resolve(name + "-answers.jsonl");
            JSON.writeValue(requestFile.toFile(), requests);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(exec);
            cmd.addAll(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                    IsolatedClient.class.getName(), target.toString(),
                    String.valueOf(System.currentTimeMillis() + duration.toMillis()),
                    requestFile.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(answers.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
            return new IsolationProbe(p, answers);
        } catch (IOException e) {
            throw new ExperimentException("cannot start the client inside the isolated leader's namespace: "
                    + e.getMessage(), e);
        }
    }

    /** Waits for the client to end (killing it after {@code patience}) and returns its answers. */
    public List<IsolatedAnswer> finish(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            List<IsolatedAnswer> out = new ArrayList<>();
            for (String line : Files.readAllLines(answers)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, IsolatedAnswer.class));
                }
            }
            return out;
        } catch (IOException e) {
            throw new ExperimentException("cannot read the isolated client's answers in " + answers + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while waiting for the isolated client", e);
        }
    }
}
