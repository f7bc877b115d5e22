package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cli.image.ImageDigests;
import dev.br2k.cli.image.OciRegistryClient;
import dev.br2k.testkit.OciRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Images built with Jib, pushed to a real OCI registry (Debian's docker-registry) and pulled back by digest. */
class ImageCommandsIT {
    @RegisterExtension
    static final OciRegistry registry = OciRegistry.builder().build();

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CliRun br2k;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        br2k = new CliRun(dir.resolve("home"));
        project = dir.resolve("hello");
        Files.createDirectories(project.resolve("target/classes/dev/example"));
        Files.write(project.resolve("target/classes/dev/example/Main.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        Files.createDirectories(project.resolve("target/lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(project.resolve("target/lib/dep.jar")))) {
            jar.putNextEntry(new ZipEntry("dep.txt"));
            jar.write("a dependency".getBytes());
        }
        Files.writeString(project.resolve("br2k.yaml"), """
                service: hello
                mainClass: dev.example.Main
                classpath: [ target/classes, "target/lib/*" ]
                image: br2k/hello
                tag: "1.0"
                """);
        assertThat(br2k.run("add-image-registry", "local", registry.hostPort(), "--insecure").exitCode()).isZero();
    }

    @Test
    void a_built_image_is_pushed_and_pulled_back_by_its_digest() throws IOException {
        CliRun.Result build = br2k.run("build", "--project", project.toString(), "--no-runtime");
        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(br2k.run("list").out()).contains("br2k/hello:1.0");

        CliRun.Result push = br2k.run("push", "br2k/hello:1.0");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        String digest = push.out().trim().replaceAll(".*@", "");
        assertThat(digest).matches("sha256:[0-9a-f]{64}");

        OciRegistryClient client = new OciRegistryClient(registry.hostPort(), true, Optional.empty());
        OciRegistryClient.Manifest manifest = client.manifest("br2k/hello", digest).orElseThrow();
        assertThat(ImageDigests.sha256(manifest.bytes())).isEqualTo(digest);
        JsonNode config = JSON.readTree(client.blob("br2k/hello", manifest.json().path("config").path("digest").asText()));
        assertThat(config.path("config").path("Entrypoint").toString()).contains("dev.example.Main").contains("/app/libs/dep.jar");
        for (JsonNode layer : manifest.json().path("layers")) {
            byte[] blob = client.blob("br2k/hello", layer.path("digest").asText());
            assertThat(ImageDigests.sha256(blob)).isEqualTo(layer.path("digest").asText());
        }
        assertThat(br2k.run("list", "--registry").out()).contains(registry.hostPort() + "/br2k/hello:1.0").contains(digest);

        CliRun.Result rmi = br2k.run("rmi", "br2k/hello:1.0", "--registry");
        assertThat(rmi.exitCode()).as(rmi.toString()).isZero();
        assertThat(client.manifest("br2k/hello", digest)).isEmpty();
        assertThat(br2k.run("rmi", "br2k/hello:1.0").exitCode()).isZero();
        assertThat(br2k.run("list").out()).doesNotContain("br2k/hello:1.0");
    }

    @Test
    void an_image_built_with_a_jlinked_runtime_goes_straight_to_the_registry() {
        CliRun.Result build = br2k.run("build", "--project", project.toString(), "--registry", "local", "--tag", "rt");
        assertThat(build.exitCode()).as(build.toString()).isZero();
        String digest = build.out().trim().replaceAll(".*@", "");
        OciRegistryClient client = new OciRegistryClient(registry.hostPort(), true, Optional.empty());
        var manifest = client.manifest("br2k/hello", "rt").orElseThrow();
        assertThat(manifest.digest()).isEqualTo(digest);
        assertThat(manifest.json().path("layers")).hasSize(5);
    }

    @Test
    void a_login_is_checked_against_the_registry_and_kept_owner_only() throws IOException {
        CliRun.Result login = br2k.run("login-registry", "local", "-u", "alice", "-p", "secret");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        Path auth = br2k.home().resolve("auth.yaml");
        assertThat(Files.readString(auth)).contains("alice");
        assertThat(Files.getPosixFilePermissions(auth)).hasSize(2);
        assertThat(br2k.run("logout-registry", "local").out()).contains("Logged out");
        assertThat(Files.readString(auth)).doesNotContain("alice");
    }

    @Test
    void pushing_to_a_registry_that_is_not_there_says_so() {
        br2k.run("add-image-registry", "gone", "127.0.0.1:1", "--insecure");
        assertThat(br2k.run("build", "--project", project.toString(), "--no-runtime").exitCode()).isZero();
        CliRun.Result push = br2k.run("push", "br2k/hello:1.0", "--registry", "gone");
        assertThat(push.exitCode()).isIn(ExitCode.UNREACHABLE, ExitCode.FAILED);
        assertThat(push.err()).contains("127.0.0.1:1");
    }
}
