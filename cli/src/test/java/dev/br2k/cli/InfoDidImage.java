package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.testkit.Podman;
import dev.br2k.testkit.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The InfoDID sample's image as a user makes it: a {@code br2k.yaml}, {@code br2k build}, then {@code podman load}. */
public final class InfoDidImage {

    private InfoDidImage() {
    }

    /**
     * Builds the InfoDID image {@code localhost/<name>:it} with the CLI in {@code dir} and loads it into
     * {@code podman}. The InfoDID module must have been packaged first (the reactor does it before the CLI).
     */
    public static void buildAndLoad(Path dir, Podman podman, String name) throws IOException {
        Path infodid = Tools.projectRoot().resolve("examples/infodid");
        assertThat(infodid.resolve("target/classpath.txt"))
                .as("InfoDID is built (mvn package in examples/infodid) before the CLI's tests").isRegularFile();
        Path project = dir.resolve("infodid");
        Files.createDirectories(project);
        Files.writeString(project.resolve("br2k.yaml"), """
                service: infodid
                mainClass: dev.br2k.infodid.InfoDidMain
                classpath: [ "%s" ]
                classpathFile: "%s"
                image: %s
                tag: it
                """.formatted(infodid.resolve("target/classes"), infodid.resolve("target/classpath.txt"), name));
        Path tar = dir.resolve("image.tar");
        CliRun.Result build = new CliRun(dir.resolve("home")).run("build", "--project", project.toString(), "--output", tar.toString());
        assertThat(build.exitCode()).as(build.toString()).isZero();
        podman.run("load", "-i", tar.toString()).orThrow();
    }
}
