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
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
