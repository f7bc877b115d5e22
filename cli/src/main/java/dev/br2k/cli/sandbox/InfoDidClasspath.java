package dev.br2k.cli.sandbox;

import dev.br2k.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The class path the sandbox runs its InfoDID replicas and request with ({@link SandboxPrograms}):
 * {@code $BR2K_INFODID_CLASSPATH} (the launcher sets it), else {@code examples/infodid-sandbox/target/classes}
 * plus the {@code target/classpath.txt} that module's {@code mvn package} writes (InfoDID, the registry client
 * and the runtime), else the jars the .deb installs ({@link Installation}). It is its own class path, not the
 * CLI's: their dependencies differ (jetcd needs Vert.x 4, the CLI's Kubernetes client Vert.x 5).
 */
final class InfoDidClasspath {
    private InfoDidClasspath() {
    }

    static List<Path> find(Map<String, String> env) {
        String fromEnv = env.get("BR2K_INFODID_CLASSPATH");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return split(fromEnv);
        }
        Optional<Path> root = ProjectRoot.find(env);
        if (root.isPresent()) {
            Path target = root.get().resolve("examples/infodid-sandbox/target");
            Path deps = target.resolve("classpath.txt");
            if (Files.isDirectory(target.resolve("classes")) && Files.isRegularFile(deps)) {
                try {
                    List<Path> out = new ArrayList<>();
                    out.add(target.resolve("classes"));
                    out.addAll(split(Files.readString(deps)));
                    return out;
                } catch (IOException e) {
                    throw CliException.failed("cannot read " + deps + ": " + e.getMessage(), e);
                }
            }
        }
        List<Path> packaged = Installation.current().map(Installation::infodidJars).orElse(List.of());
        if (!packaged.isEmpty()) {
            return packaged;
        }
        throw CliException.notConfigured("The sandbox's InfoDID programs are not built: run"
                + " 'mvn -q install -DskipTests -pl examples/infodid-sandbox -am' in the BR2K checkout (./br2k does it),"
                + " or set BR2K_INFODID_CLASSPATH");
    }

    private static List<Path> split(String classpath) {
        return Arrays.stream(classpath.trim().split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
