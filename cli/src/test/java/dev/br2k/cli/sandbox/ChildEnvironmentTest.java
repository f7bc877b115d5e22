package dev.br2k.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.cli.chain.ServiceRegistries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's child processes never see the keystore password the CLI was given. */
class ChildEnvironmentTest {

    @Test
    void a_detached_child_does_not_get_the_keystore_password(@TempDir Path dir) {
        Path log = dir.resolve("child.log");

        DetachedProcess.start(List.of("/bin/sh", "-c", "env; echo done"),
                Map.of(ServiceRegistries.PASSWORD_ENV, "secret-password", "BR2K_CHILD_MARK", "kept"), log);

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && Files.readString(log).contains("done"));
        assertThat(log).content().contains("BR2K_CHILD_MARK=kept").doesNotContain("secret-password");
    }

    @Test
    void the_password_is_removed_from_an_inherited_environment() {
        ProcessBuilder pb = new ProcessBuilder("true");
        pb.environment().put(ServiceRegistries.PASSWORD_ENV, "inherited");

        ChildEnvironment.scrub(pb.environment());

        assertThat(pb.environment()).doesNotContainKey(ServiceRegistries.PASSWORD_ENV).containsKey("PATH");
    }
}
