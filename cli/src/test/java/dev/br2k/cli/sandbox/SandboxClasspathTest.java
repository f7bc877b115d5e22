package dev.br2k.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxClasspathTest {
    static final String M2 = "/home/u/.m2/repository/";

    @Test
    void infodids_libraries_come_first_and_the_clis_versions_of_the_same_artifacts_are_left_out() {
        List<Path> infodid = List.of(Path.of("/src/examples/infodid/target/classes"),
                Path.of(M2 + "io/vertx/vertx-core/4.5.13/vertx-core-4.5.13.jar"),
                Path.of(M2 + "com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.jar"));
        String cli = String.join(java.io.File.pathSeparator,
                "/src/cli/target/classes",
                M2 + "io/vertx/vertx-core/5.0.1/vertx-core-5.0.1.jar",
                M2 + "com/fasterxml/jackson/core/jackson-databind/2.20.0/jackson-databind-2.20.0.jar",
                M2 + "org/web3j/core/5.0.0/core-5.0.0.jar",
                "/src/examples/infodid/target/classes");

        assertThat(SandboxClasspath.of(infodid, cli)).containsExactly(
                Path.of("/src/examples/infodid/target/classes"),
                Path.of(M2 + "io/vertx/vertx-core/4.5.13/vertx-core-4.5.13.jar"),
                Path.of(M2 + "com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.jar"),
                Path.of("/src/cli/target/classes"),
                Path.of(M2 + "org/web3j/core/5.0.0/core-5.0.0.jar"));
    }

    @Test
    void jars_outside_a_maven_repository_are_matched_by_name_without_version() {
        List<Path> infodid = List.of(Path.of("/opt/br2k/lib/vertx-core-4.5.13.jar"));
        String cli = M2 + "io/vertx/vertx-core/5.0.1/vertx-core-5.0.1.jar" + java.io.File.pathSeparator
                + "/opt/br2k/cli/picocli-4.7.6.jar";

        assertThat(SandboxClasspath.of(infodid, cli)).containsExactly(
                Path.of("/opt/br2k/lib/vertx-core-4.5.13.jar"), Path.of("/opt/br2k/cli/picocli-4.7.6.jar"));
    }

    @Test
    void an_artifact_is_named_by_group_and_artifact_in_a_maven_repository() {
        assertThat(SandboxClasspath.mavenArtifact(Path.of(M2 + "org/web3j/core/5.0.0/core-5.0.0.jar"))).contains("org/web3j/core");
        assertThat(SandboxClasspath.mavenArtifact(Path.of("/src/core-replication/target/br2k-core-replication-0.1.0.jar"))).isEmpty();
        assertThat(SandboxClasspath.stem(Path.of("/x/jackson-databind-2.17.2.jar"))).contains("jackson-databind");
        assertThat(SandboxClasspath.stem(Path.of("/x/classes"))).isEmpty();
    }
}
