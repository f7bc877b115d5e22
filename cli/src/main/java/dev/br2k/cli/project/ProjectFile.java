package dev.br2k.cli.project;

import dev.br2k.cli.CliException;
import dev.br2k.cli.internal.YamlFields;
import dev.br2k.cluster.context.FieldReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A BR2K service project ({@code br2k.yaml}, written by {@code br2k init}): what the service is called,
 * how to run it, and what its image is called.
 *
 * <pre>
 * service: infodid
 * description: User information by DID
 * mainClass: dev.br2k.infodid.InfoDidMain
 * classpath: [ target/classes ]        # entries relative to the project; "dir/*" takes every jar in dir
 * classpathFile: target/classpath.txt  # optional: a file with more entries (mvn dependency:build-classpath)
 * port: 8080
 * image: infodid                       # repository name in the image registry
 * tag: "0.1.0"
 * replicas: 3
 * maxReplicas: 5
 * jvmArgs: [ "-Xmx256m" ]
 * </pre>
 */
public record ProjectFile(Path dir, String service, String description, String mainClass, List<String> classpath,
                          Optional<String> classpathFile, int port, String image, String tag, int replicas,
                          int maxReplicas, List<String> jvmArgs) {
    public static final String FILE_NAME = "br2k.yaml";

    public ProjectFile {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(service, "service");
        classpath = List.copyOf(classpath);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** Reads {@code dir/br2k.yaml}; every problem names its field. */
    public static ProjectFile read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FieldReader f = YamlFields.read(file, "project file", "run 'br2k init' in the project directory, or pass --project DIR");
        String service = f.string("service", true, "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", "a lower-case DNS label such as infodid").orElse("x");
        String description = f.string("description", false, null, null).orElse("");
        String mainClass = f.string("mainClass", true, "([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*",
                "a fully qualified class name such as dev.br2k.infodid.InfoDidMain").orElse("x");
        List<String> classpath = f.strings("classpath");
        Optional<String> classpathFile = f.string("classpathFile", false, null, null);
        int port = f.integer("port", false, 1, 65535).orElse(8080);
        String image = f.string("image", false, "[a-z0-9]+([._/-][a-z0-9]+)*", "a lower-case repository name such as infodid").orElse(service);
        String tag = f.string("tag", false, "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", "a tag such as 0.1.0").orElse("latest");
        int maxReplicas = f.integer("maxReplicas", false, 1, 99).orElse(5);
        int replicas = f.integer("replicas", false, 1, 99).orElse(Math.min(3, maxReplicas));
        if (replicas > maxReplicas) {
            f.problem("replicas", "is " + replicas + ", more than maxReplicas " + maxReplicas);
        }
        List<String> jvmArgs = f.strings("jvmArgs");
        if (classpath.isEmpty() && classpathFile.isEmpty()) {
            f.problem("classpath", "is missing: list the service's classes and jars (or give classpathFile)");
        }
        f.rejectUnknown();
        f.failIfProblems();
        return new ProjectFile(dir.toAbsolutePath().normalize(), service, description, mainClass, classpath, classpathFile,
                port, image, tag, replicas, maxReplicas, jvmArgs);
    }

    /** The class path: the entries (with {@code dir/*} expanded to its jars), then the classpath file's. */
    public List<Path> resolvedClasspath() {
        List<Path> out = new ArrayList<>();
        for (String entry : classpath) {
            out.addAll(expand(dir, entry, "classpath"));
        }
        if (classpathFile.isPresent()) {
            Path file = dir.resolve(classpathFile.get());
            String text;
            try {
                text = Files.readString(file).trim();
            } catch (IOException e) {
                throw CliException.badFile("classpathFile names " + file + ", which cannot be read (" + e.getMessage()
                        + "): build the project first, e.g. mvn package");
            }
            for (String entry : text.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    out.addAll(expand(dir, entry.trim(), "classpathFile"));
                }
            }
        }
        return out;
    }

    private static List<Path> expand(Path base, String entry, String field) {
        if (entry.endsWith("/*")) {
            Path d = base.resolve(entry.substring(0, entry.length() - 2));
            try (Stream<Path> s = Files.list(d)) {
                return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw CliException.badFile(field + " entry " + entry + " names " + d + ", which is not a readable directory");
            }
        }
        Path p = base.resolve(entry);
        if (!Files.exists(p)) {
            throw CliException.badFile(field + " entry " + entry + " names " + p + ", which does not exist: build the project first");
        }
        return List.of(p);
    }

    /** The text {@code br2k init} writes. */
    public static String template(String service, String mainClass) {
        return "# BR2K service project (br2k init). Paths are relative to this file.\n"
                + "service: " + service + "\n"
                + "description: \"The " + service + " service\"\n"
                + "mainClass: " + mainClass + "\n"
                + "classpath: [ target/classes ]\n"
                + "classpathFile: target/classpath.txt\n"
                + "port: 8080\n"
                + "image: " + service + "\n"
                + "tag: \"0.1.0\"\n"
                + "replicas: 3\n"
                + "maxReplicas: 5\n";
    }
}
