package dev.br2k.cluster.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LaunchSpec} for core-replication's sample {@code KvService}. Its class path is
 * core-replication's jar (or classes) plus core-replication's own runtime dependencies, which
 * core-replication's build writes to its {@code target/runtime-classpath.txt}; only when that file is
 * missing (core-replication not built in this tree) is Maven asked, and the answer cached in {@code target/}.
 */
final class KvServiceLaunch {

    static final String MAIN = "dev.br2k.replication.sample.KvService";

    private KvServiceLaunch() {
    }

    static LaunchSpec spec() throws Exception {
        List<Path> cp = new ArrayList<>();
        cp.add(ownLocation());
        for (String entry : dependencies().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                cp.add(Path.of(entry.trim()));
            }
        }
        return LaunchSpec.java(MAIN, cp, List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"))
                .withEnv(Map.of("BR2K_ROLE_CHECK_MILLIS", "200"));
    }

    private static Path ownLocation() throws URISyntaxException, ClassNotFoundException {
        Class<?> kv = Class.forName(MAIN, false, KvServiceLaunch.class.getClassLoader());
        return Path.of(kv.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static synchronized String dependencies() throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("br2k.cluster.target", "target"));
        Path out = target.resolve("kvservice.classpath");
        Path root = Path.of(System.getProperty("br2k.root", ".")).toAbsolutePath();
        while (root.getParent() != null && !Files.exists(root.resolve("core-replication/pom.xml"))) {
            root = root.getParent(); // run from the module directory, the property names the module
        }
        Path pom = root.resolve("core-replication/pom.xml");
        if (!Files.exists(pom)) {
            throw new IllegalStateException("core-replication's pom is not at " + pom + "; run the tests from the BR2K tree");
        }
        // written by core-replication's build (process-classes): the reactor's own jars, nothing asked of Maven
        Path built = root.resolve("core-replication/target/runtime-classpath.txt");
        if (Files.exists(built) && Files.size(built) > 0
                && Files.getLastModifiedTime(built).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return Files.readString(built, StandardCharsets.UTF_8);
        }
        // kept while core-replication's pom is unchanged: a new dependency there (br2k-protocol) made a kept
        // class path start services that could not load it
        if (Files.exists(out) && Files.size(out) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
        String mvn = Files.isExecutable(Path.of("/usr/bin/mvn")) ? "/usr/bin/mvn" : "mvn";
        for (boolean offline : new boolean[] {true, false}) {
            List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "-f", pom.toString()));
            if (offline) {
                cmd.add("-o");
            }
            String repo = System.getProperty("maven.repo.local");
            if (repo != null && !repo.isBlank()) {
                cmd.add("-Dmaven.repo.local=" + repo);
            }
            cmd.addAll(List.of("dependency:build-classpath", "-Dmdep.includeScope=runtime",
                    "-Dmdep.outputFile=" + out.toAbsolutePath()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(target.resolve("kvservice.classpath.log").toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("mvn dependency:build-classpath for core-replication took over 5 minutes");
            }
            if (p.exitValue() == 0 && Files.exists(out)) {
                return Files.readString(out, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("Could not compute core-replication's class path; see "
                + target.resolve("kvservice.classpath.log"));
    }
}
