package dev.br2k.cli.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.br2k.cli.CliException;
import dev.br2k.cli.home.RegistryLogin;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.cluster.kubernetes.leaderlabel.LeaderLabeller;
import dev.br2k.protocol.status.StatusCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Builds a service's container image with Jib, without a Docker daemon and without pulling a base
 * image: {@code FROM scratch}, then (unless {@code --no-runtime}) a base layer with the operating-system
 * files a Java runtime needs ({@link BaseLayer}: glibc and the other shared libraries, a non-root user,
 * a writable /tmp, the Debian copyright files) and a Java runtime layer made with jlink (file modes
 * kept, so {@code bin/java} is executable), then the dependency jars, then the service's classes. The
 * entrypoint runs the project's main class as the non-root user; the replica reads its settings from
 * {@code BR2K_*} variables as on local processes.
 */
public final class ImageBuilder {
    /** Modules the jlink'd runtime holds: enough for core-replication, web3j, SQLite and Jackson. */
    public static final List<String> RUNTIME_MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
            "java.net.http", "java.sql", "java.xml", "java.desktop", "jdk.crypto.ec", "jdk.unsupported", "jdk.zipfs",
            "java.security.jgss", "jdk.management");
    static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/app");
    static final AbsoluteUnixPath JAVA = AbsoluteUnixPath.get("/opt/java");
    /** Where Kubernetes pods find the leader-label sidecar's classes (cluster's {@code DesiredState} runs it from there). */
    static final String LEADER_LABEL_CLASSPATH = "/opt/br2k/leader-label";

    private final Path cacheDir;
    private final Consumer<String> progress;

    public ImageBuilder(Path cacheDir, Consumer<String> progress) {
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    /** What was built. */
    public record Built(String reference, String digest, String imageId, Optional<Path> tar) { }

    /** Builds {@code project} into a tar file that {@link #push} can send later. */
    public Built buildTar(ProjectFile project, ImageRef ref, boolean withRuntime, Path tar) {
        try {
            Files.createDirectories(tar.toAbsolutePath().getParent());
            // Docker's tar layout: what Jib reads back as a base image when 'push' sends the tar.
            JibContainer c = containerize(builder(project, withRuntime).setFormat(ImageFormat.Docker),
                    Containerizer.to(TarImage.at(tar).named(ref.local())));
            return new Built(ref.toString(), c.getDigest().toString(), c.getImageId().toString(), Optional.of(tar));
        } catch (IOException | com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            throw CliException.failed("cannot build " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Builds {@code project} straight into a registry. */
    public Built buildToRegistry(ProjectFile project, ImageRef ref, boolean insecure, Optional<RegistryLogin> login, boolean withRuntime) {
        try {
            JibContainer c = containerize(builder(project, withRuntime), Containerizer.to(registryImage(ref, login))
                    .setAllowInsecureRegistries(insecure));
            return new Built(ref.toString(), c.getDigest().toString(), c.getImageId().toString(), Optional.empty());
        } catch (IOException e) {
            throw CliException.failed("cannot build " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Sends an image built to a tar file to a registry. */
    public Built push(Path tar, ImageRef ref, boolean insecure, Optional<RegistryLogin> login) {
        if (!Files.isRegularFile(tar)) {
            throw CliException.notConfigured("there is no built image at " + tar + ": run 'br2k build' first");
        }
        JibContainer c = containerize(Jib.from(TarImage.at(tar)), Containerizer.to(registryImage(ref, login))
                .setAllowInsecureRegistries(insecure));
        return new Built(ref.toString(), c.getDigest().toString(), c.getImageId().toString(), Optional.empty());
    }

    private static RegistryImage registryImage(ImageRef ref, Optional<RegistryLogin> login) {
        try {
            RegistryImage image = RegistryImage.named(ref.toString());
            login.ifPresent(l -> image.addCredential(l.username(), l.password()));
            return image;
        } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            throw CliException.failed("'" + ref + "' is not an image reference Jib accepts: " + e.getMessage(), e);
        }
    }

    private JibContainerBuilder builder(ProjectFile project, boolean withRuntime) throws IOException {
        List<Path> classpath = project.resolvedClasspath();
        JibContainerBuilder b = Jib.fromScratch().setFormat(ImageFormat.OCI).setCreationTime(Instant.EPOCH);
        if (withRuntime) {
            Path runtime = jlink();
            b.addFileEntriesLayer(BaseLayer.of(runtime, cacheDir.resolve("base-layer"), progress))
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("java-runtime")
                            .addEntryRecursive(runtime, JAVA, (source, target) -> permissions(source)).build())
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("br2k-leader-label")
                            .addEntryRecursive(leaderLabelClasses(), AbsoluteUnixPath.get(LEADER_LABEL_CLASSPATH)).build())
                    .setUser(BaseLayer.UID + ":" + BaseLayer.UID)
                    .addEnvironmentVariable("LANG", "C.UTF-8");
        }
        FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("dependencies");
        FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName("classes");
        List<String> cp = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int dirs = 0;
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                AbsoluteUnixPath target = APP.resolve("classes").resolve(Integer.toString(dirs++));
                classes.addEntryRecursive(p, target);
                cp.add(target.toString());
            } else {
                String name = p.getFileName().toString();
                if (!names.add(name)) {
                    name = names.size() + "-" + name;
                    names.add(name);
                }
                AbsoluteUnixPath target = APP.resolve("libs").resolve(name);
                libs.addEntry(p, target);
                cp.add(target.toString());
            }
        }
        b.addFileEntriesLayer(libs.build()).addFileEntriesLayer(classes.build());
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add(withRuntime ? JAVA.resolve("bin/java").toString() : "java");
        entrypoint.addAll(project.jvmArgs());
        entrypoint.add("-cp");
        entrypoint.add(String.join(":", cp));
        entrypoint.add(project.mainClass());
        return b.setEntrypoint(entrypoint)
                .addEnvironmentVariable("BR2K_SERVICE", project.service())
                .addEnvironmentVariable("BR2K_HTTP_HOST", "0.0.0.0")
                .addEnvironmentVariable("BR2K_HTTP_PORT", Integer.toString(project.port()))
                .addExposedPort(Port.tcp(project.port()))
                .addLabel("dev.br2k.service", project.service())
                .setWorkingDirectory(APP);
    }

    private static com.google.cloud.tools.jib.api.buildplan.FilePermissions permissions(Path source) {
        try {
            return BaseLayer.permissionsOf(source);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the file modes of " + source, e);
        }
    }

    /**
     * The pods' leader-label sidecar runs from the service's image: its class and its nested classes, and the
     * protocol module that reads the replica's status (the sidecar uses nothing else of BR2K), from this CLI's
     * class path.
     */
    private Path leaderLabelClasses() throws IOException {
        Path dir = cacheDir.resolve("leader-label");
        copyClass(LeaderLabeller.class, dir);
        copyModuleClasses(StatusCodec.class, "dev/br2k/protocol/", dir);
        return dir;
    }

    /** Every class under {@code prefix} in the jar or directory that {@code anchor} was loaded from. */
    private static void copyModuleClasses(Class<?> anchor, String prefix, Path dir) throws IOException {
        Path from;
        try {
            from = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw CliException.failed("cannot tell where " + anchor.getName() + " was loaded from: reinstall br2k", e);
        }
        if (Files.isDirectory(from)) {
            try (var files = Files.walk(from.resolve(prefix))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Path to = dir.resolve(from.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(from.toFile())) {
            for (var entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                    Path to = dir.resolve(entry.getName());
                    Files.createDirectories(to.getParent());
                    try (java.io.InputStream in = jar.getInputStream(entry)) {
                        Files.write(to, in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void copyClass(Class<?> type, Path dir) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path file = dir.resolve(resource);
        Files.createDirectories(file.getParent());
        try (java.io.InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw CliException.failed("the CLI's class path lacks " + resource + ": reinstall br2k", null);
            }
            Files.write(file, in.readAllBytes());
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            copyClass(nested, dir);
        }
    }

    private Path jlink() throws IOException {
        Path out = cacheDir.resolve("jlink-runtime-" + Runtime.version().feature());
        if (Files.isExecutable(out.resolve("bin/java"))) {
            progress.accept("  using the Java runtime made earlier in " + out);
            return out;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempDirectory(cacheDir, "jlink");
        Files.delete(tmp);
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        progress.accept("  making a Java runtime with jlink (" + RUNTIME_MODULES.size() + " modules) ...");
        ProcessBuilder pb = new ProcessBuilder(jlink.toString(), "--add-modules", String.join(",", RUNTIME_MODULES),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--output", tmp.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw CliException.failed("jlink failed: " + output.strip() + " (is this a full JDK?)", null);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted while running jlink", e);
        }
        Files.move(tmp, out);
        return out;
    }

    private JibContainer containerize(JibContainerBuilder builder, Containerizer containerizer) {
        containerizer.setToolName("br2k").setBaseImageLayersCache(cacheDir.resolve("jib-base"))
                .setApplicationLayersCache(cacheDir.resolve("jib-app"))
                .addEventHandler(LogEvent.class, e -> {
                    if (e.getLevel() == LogEvent.Level.LIFECYCLE || e.getLevel() == LogEvent.Level.PROGRESS
                            || e.getLevel() == LogEvent.Level.ERROR || e.getLevel() == LogEvent.Level.WARN) {
                        progress.accept("  " + e.getMessage());
                    }
                });
        try {
            return builder.containerize(containerizer);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.io.IOException || cause.getClass().getName().contains("Registry")) {
                throw CliException.unreachable("the image could not be sent: " + cause.getMessage(), cause);
            }
            throw CliException.failed("the image build failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted while building the image", e);
        } catch (IOException | com.google.cloud.tools.jib.api.CacheDirectoryCreationException
                 | com.google.cloud.tools.jib.api.RegistryException e) {
            throw CliException.failed("the image build failed: " + e.getMessage(), e);
        }
    }
}
