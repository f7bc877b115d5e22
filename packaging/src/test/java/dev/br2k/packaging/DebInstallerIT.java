package dev.br2k.packaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs the .deb this module built on this machine, as an operator would, runs what it installed,
 * and removes it again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebInstallerIT {

    private static final String PACKAGE = "br2k-watch";
    private static final Path INSTALL_DIR = Path.of("/opt/br2k-watch");
    private static final String VERSION = System.getProperty("br2k.version", "0.1.0-SNAPSHOT");

    @TempDir
    static Path home;

    @BeforeAll
    static void install_the_deb() throws Exception {
        Path installers = Path.of(System.getProperty("br2k.installers", "target/installers"));
        Path deb;
        try (Stream<Path> files = Files.list(installers)) {
            deb = files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("No .deb in " + installers + ": the package phase builds it"));
        }
        System.out.printf("DebInstallerIT: installer %s, %.1f MB%n", deb.getFileName(), Files.size(deb) / 1e6);
        Result status = run(List.of("dpkg-query", "-W", "-f=${Status}", PACKAGE), Map.of());
        if (status.exitCode() == 0 && !status.output().contains("not-installed")) {
            run(List.of("dpkg", "--purge", "--force-all", PACKAGE), Map.of()); // a leftover of an interrupted run
        }
        Result installed = run(List.of("dpkg", "-i", deb.toString()), Map.of());
        assertThat(installed.exitCode()).as("dpkg -i: %s", installed.output()).isZero();
    }

    @Test
    @Order(1)
    void the_installed_br2k_command_is_on_the_path_and_prints_its_version() throws Exception {
        assertThat(Path.of("/usr/bin/br2k")).isSymbolicLink();
        Result result = run(List.of("br2k", "--version"), Map.of("HOME", home.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(VERSION);
    }

    @Test
    @Order(2)
    void the_installed_watch_launcher_prints_its_version_without_opening_a_window() throws Exception {
        Result result = run(List.of(INSTALL_DIR.resolve("bin/br2k-watch").toString(), "--version"),
                Map.of("HOME", home.toString(), "DISPLAY", ""));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(VERSION);
    }

    @Test
    @Order(3)
    void the_installed_watch_opens_a_real_window_that_shows_the_log_in_screen() throws Exception {
        Path fb = Files.createDirectories(home.resolve("fb"));
        try (XvfbScreen screen = XvfbScreen.start(fb)) {
            int empty = XvfbScreen.distinctColours(screen.capture());
            long started = System.nanoTime();
            ProcessBuilder launcher = new ProcessBuilder(INSTALL_DIR.resolve("bin/br2k-watch").toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("watch.log").toFile())
                    .directory(home.toFile());
            launcher.environment().put("DISPLAY", screen.displayName());
            launcher.environment().put("HOME", home.toString());
            Process watch = launcher.start();
            try {
                long shownAfter = -1;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline && watch.isAlive()) {
                    BufferedImage now = screen.capture();
                    if (XvfbScreen.distinctColours(now) > 20) {
                        shownAfter = (System.nanoTime() - started) / 1_000_000;
                        break;
                    }
                    watch.waitFor(100, TimeUnit.MILLISECONDS);
                }
                assertThat(watch.isAlive()).as("BR2K Watch is still running; its log:%n%s",
                        Files.readString(home.resolve("watch.log"))).isTrue();
                assertThat(shownAfter).as("a window appeared within 90 s").isPositive();
                // let it settle for a few seconds, as a person would look at it
                watch.waitFor(3, TimeUnit.SECONDS);
                assertThat(watch.isAlive()).as("BR2K Watch is still running after a few seconds").isTrue();
                // The launcher's JVM options reach the Watch's JVM: C1 only, which halves its stalls on a small machine.
                Result flags = run(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(watch.pid()), "VM.command_line"), Map.of());
                String jvmArgs = flags.output().lines().filter(l -> l.startsWith("jvm_args:")).findFirst()
                        .orElse(flags.output());
                assertThat(jvmArgs).as("jcmd %d VM.command_line", watch.pid()).contains("-XX:TieredStopAtLevel=1");
                BufferedImage shot = screen.capture();
                Path png = Path.of("target", "installed-br2k-watch.png");
                ImageIO.write(shot, "png", png.toFile());
                System.out.printf("DebInstallerIT: cold start to the first frame of the window: %d ms; screenshot %s%n",
                        shownAfter, png.toAbsolutePath());
                assertThat(empty).isEqualTo(1);
                assertThat(XvfbScreen.distinctColours(shot)).as("the screenshot shows a window with content")
                        .isGreaterThan(50);
            } finally {
                watch.destroy();
                if (!watch.waitFor(10, TimeUnit.SECONDS)) {
                    watch.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Order(4)
    void the_installed_br2k_runs_the_sandbox_from_an_empty_directory_without_a_checkout() throws Exception {
        Path empty = Files.createDirectories(home.resolve("empty"));
        Path br2kHome = home.resolve("br2k-home");
        Map<String, String> env = Map.of("HOME", home.toString(), "BR2K_HOME", br2kHome.toString(), "DISPLAY", "");
        long started = System.nanoTime();
        Result up = runIn(empty, List.of("br2k", "sandbox", "up", "--no-watch"), env, Duration.ofMinutes(5));
        long upMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            assertThat(up.exitCode()).as("br2k sandbox up --no-watch from the package:%n%s", up.output()).isZero();
            assertThat(up.output()).contains("BR2K sandbox is up.");
            assertThat(run(List.of("pgrep", "-f", INSTALL_DIR.resolve("lib/anvil/anvil").toString()), Map.of()).exitCode())
                    .as("the chain is the package's own anvil").isZero();
            System.out.printf("DebInstallerIT: the installed 'br2k sandbox up --no-watch' took %.1f s%n", upMillis / 1000.0);

            Result status = runIn(empty, List.of("br2k", "sandbox", "status"), env, Duration.ofMinutes(1));
            assertThat(status.exitCode()).as("br2k sandbox status:%n%s", status.output()).isZero();
            assertThat(status.output()).contains("3 of 3 replicas healthy");

            Result request = runIn(empty, List.of("br2k", "sandbox", "request"), env, Duration.ofMinutes(1));
            assertThat(request.exitCode()).as("br2k sandbox request:%n%s", request.output()).isZero();
            assertThat(request.output()).contains("stored and returned the signed profile");
        } finally {
            Result down = runIn(empty, List.of("br2k", "sandbox", "down"), env, Duration.ofMinutes(2));
            assertThat(down.exitCode()).as("br2k sandbox down:%n%s", down.output()).isZero();
        }
        assertThat(br2kHome.resolve("sandbox")).doesNotExist();
        assertThat(run(List.of("pgrep", "-af", br2kHome.toString()), Map.of()).output().lines()
                .filter(l -> !l.contains("pgrep")).toList()).as("processes of the sandbox left running").isEmpty();
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files.toList()).as("the sandbox wrote nothing into the working directory").isEmpty();
        }
    }

    @AfterAll
    static void removing_the_package_leaves_nothing_behind() throws Exception {
        Result removed = run(List.of("dpkg", "-r", PACKAGE), Map.of());
        assertThat(removed.exitCode()).as("dpkg -r: %s", removed.output()).isZero();
        assertThat(INSTALL_DIR).doesNotExist();
        assertThat(Path.of("/usr/bin/br2k")).doesNotExist();
        assertThat(Path.of("/usr/bin/br2k-watch")).doesNotExist();
        assertThat(run(List.of("dpkg-query", "-W", "-f=${Status}", PACKAGE), Map.of()).output())
                .doesNotContain("installed ");
        try (Stream<Path> desktop = Files.list(Path.of("/usr/share/applications"))) {
            assertThat(desktop.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(PACKAGE));
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return runIn(Path.of("").toAbsolutePath(), command, env, Duration.ofSeconds(120));
    }

    /** Runs a command as an operator's shell would: without the test's BR2K_* variables that point into the checkout. */
    private static Result runIn(Path dir, List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("BR2K_") || k.startsWith("MAVEN_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n"
                    + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
