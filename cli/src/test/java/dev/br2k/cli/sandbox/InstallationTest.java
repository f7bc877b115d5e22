package dev.br2k.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {
    @TempDir
    Path dir;

    @Test
    void the_sandbox_class_path_is_read_in_order_from_its_list_with_shared_jars_taken_from_the_application() throws Exception {
        Files.createDirectories(dir.resolve("lib/app"));
        Files.createDirectories(dir.resolve("lib/infodid"));
        Files.writeString(dir.resolve("lib/infodid/br2k-infodid-sandbox-0.1.0.jar"), "sandbox");
        Files.writeString(dir.resolve("lib/infodid/vertx-core-4.5.13.jar"), "vertx 4");
        Files.writeString(dir.resolve("lib/app/core-4.13.0.jar"), "web3j");
        Files.writeString(dir.resolve("lib/infodid/classpath.txt"),
                "infodid/br2k-infodid-sandbox-0.1.0.jar\ninfodid/vertx-core-4.5.13.jar\napp/core-4.13.0.jar\n");

        assertThat(new Installation(dir).infodidJars()).containsExactly(
                dir.resolve("lib/infodid/br2k-infodid-sandbox-0.1.0.jar"), dir.resolve("lib/infodid/vertx-core-4.5.13.jar"),
                dir.resolve("lib/app/core-4.13.0.jar"));
    }

    @Test
    void a_jar_the_list_names_but_the_installation_lacks_is_reported_with_what_to_do() throws Exception {
        Files.createDirectories(dir.resolve("lib/infodid"));
        Files.writeString(dir.resolve("lib/infodid/classpath.txt"), "app/core-4.13.0.jar\n");

        assertThatThrownBy(() -> new Installation(dir).infodidJars()).isInstanceOf(CliException.class)
                .hasMessageContaining("core-4.13.0.jar").hasMessageContaining("Reinstall the br2k-watch package");
    }

    @Test
    void an_installation_without_the_sandbox_programs_has_no_class_path_for_them() {
        assertThat(new Installation(dir).infodidJars()).isEmpty();
    }
}
