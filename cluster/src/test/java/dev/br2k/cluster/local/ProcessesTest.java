package dev.br2k.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void a_replica_does_not_inherit_the_operators_keystore_password_but_gets_what_its_launch_sets() {
        Map<String, String> child = Processes.childEnvironment(
                Map.of("PATH", "/usr/bin", "BR2K_KEYSTORE_PASSWORD", "the operator's"), Map.of("BR2K_SERVICE", "infodid"));

        assertThat(child).containsEntry("PATH", "/usr/bin").containsEntry("BR2K_SERVICE", "infodid")
                .doesNotContainKey("BR2K_KEYSTORE_PASSWORD");
    }

    @Test
    void a_started_process_sees_the_variables_it_was_given() throws Exception {
        Path log = dir.resolve("logs/env.log");
        ProcessRecord p = Processes.start(List.of("/bin/sh", "-c", "echo service=$BR2K_SERVICE"), Map.of("BR2K_SERVICE", "kv"),
                dir, log);
        p.handle().ifPresent(h -> h.onExit().join());
        org.awaitility.Awaitility.await().until(() -> Files.exists(log) && Files.readString(log).contains("service="));
        assertThat(Files.readString(log)).contains("service=kv");
    }
}
