package dev.br2k.cluster.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one service process of a BR2K service: the command and the environment it gets on
 * top of the {@code BR2K_*} variables each replica gets (replica id, ports, directories, etcd
 * endpoints). Any BR2K service can be launched this way: the sample {@code KvService}, InfoDID, a
 * native binary.
 *
 * @param command the program and its arguments
 * @param env     extra environment variables, e.g. {@code BR2K_ROLE_CHECK_MILLIS}
 */
public record LaunchSpec(List<String> command, Map<String, String> env) {

    public LaunchSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        env = Map.copyOf(env);
    }

    /** Runs {@code mainClass} with this JVM's {@code java} and the given class path. */
    public static LaunchSpec java(String mainClass, List<Path> classpath, List<String> jvmArgs) {
        Objects.requireNonNull(mainClass, "mainClass");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        cmd.add(mainClass);
        return new LaunchSpec(cmd, Map.of());
    }

    /** The same command with more environment variables. */
    public LaunchSpec withEnv(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(env);
        merged.putAll(more);
        return new LaunchSpec(command, merged);
    }
}
