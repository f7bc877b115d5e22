package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandsTest {
    @TempDir
    Path dir;

    CliRun br2k;

    @BeforeEach
    void setUp() {
        br2k = new CliRun(dir.resolve("home"));
    }

    Path contextFile(String name, String extra) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, """
                name: %s
                service: infodid
                apiServer: https://10.0.0.1:6443
                token: abc
                namespace: br2k
                networkId: 31337
                port: 8080
                stateMountPath: /var/lib/br2k/state
                etcdMountPath: /var/lib/etcd
                image: 127.0.0.1:5000/infodid:0.1.0
                replicas: 3
                maxReplicas: 5
                """.formatted(name) + extra);
        return f;
    }

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"init", "ask-context", "context-assign", "set-context", "cur-context", "change-context",
                "change-k8s-server", "list-context", "rm-context", "add-image-registry", "add-service-registry", "build", "push",
                "list", "rmi", "set-secret", "rm-secret", "login-registry", "logout-registry", "register", "view-service", "test",
                "spray", "state", "recovery", "add", "reduce", "pause", "resume", "sandbox"}) {
            CliRun.Result r = br2k.runRaw(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: br2k " + command);
        }
        assertThat(br2k.runRaw("sandbox", "up", "--help").out()).contains("--no-watch");
    }

    @Test
    void a_context_is_imported_listed_switched_repointed_and_removed() throws IOException {
        assertThat(br2k.run("set-context", contextFile("lab", "").toString()).exitCode()).isZero();
        assertThat(br2k.run("set-context", contextFile("prod", "").toString()).exitCode()).isZero();

        assertThat(br2k.run("cur-context").out()).startsWith("lab").contains("namespace: br2k");
        assertThat(br2k.run("list-context").out()).contains("* lab").contains("prod");

        assertThat(br2k.run("change-context", "prod").exitCode()).isZero();
        assertThat(br2k.run("cur-context").out()).startsWith("prod");

        CliRun.Result moved = br2k.run("change-k8s-server", "https://10.9.9.9:6443");
        assertThat(moved.exitCode()).as(moved.toString()).isZero();
        assertThat(br2k.run("cur-context").out()).contains("https://10.9.9.9:6443");

        assertThat(br2k.run("rm-context", "prod").exitCode()).isZero();
        assertThat(br2k.run("list-context").out()).doesNotContain("prod");
        CliRun.Result none = br2k.run("cur-context");
        assertThat(none.exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(none.err()).contains("no context is selected");
    }

    @Test
    void a_broken_context_file_is_refused_naming_the_field() throws IOException {
        Path broken = contextFile("bad", "protocol: SMTP\nreplicas: 9\n");
        CliRun.Result r = br2k.run("set-context", broken.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(r.err()).contains("protocol").contains("SMTP").contains("replicas");
        assertThat(br2k.run("list-context").out()).contains("No contexts");
    }

    @Test
    void a_context_file_with_a_typo_names_the_unknown_field() throws IOException {
        CliRun.Result r = br2k.run("set-context", contextFile("typo", "namespcae: x\n").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(r.err()).contains("namespcae").contains("not a known field");
    }

    @Test
    void a_broken_br2k_config_names_the_field() throws IOException {
        Files.createDirectories(br2k.home());
        Files.writeString(br2k.home().resolve("config"), """
                apiVersion: br2k.dev/v1
                kind: Config
                contexts:
                  - name: x
                    kind: openstack
                """);
        CliRun.Result r = br2k.run("list-context");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(r.err()).contains("contexts[0].kind").contains("openstack");
    }

    @Test
    void init_writes_a_project_file_and_a_broken_one_names_the_field() throws IOException {
        Path project = dir.resolve("my-service");
        CliRun.Result init = br2k.runRaw("init", "--project", project.toString(), "--main-class", "dev.example.Main");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(Files.readString(project.resolve("br2k.yaml"))).contains("service: my-service");
        assertThat(br2k.runRaw("init", "--project", project.toString()).exitCode()).isEqualTo(ExitCode.FAILED);

        Files.writeString(project.resolve("br2k.yaml"), "service: My_Service\nmainClass: dev.example.Main\nclasspath: [x]\nmaxReplicas: 0\n");
        CliRun.Result r = br2k.run("build", "--project", project.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(r.err()).contains("br2k.yaml").contains("service is \"My_Service\"").contains("maxReplicas is 0");
    }

    @Test
    void ask_context_writes_a_request_the_admin_side_reads() throws IOException {
        Path request = dir.resolve("req.yaml");
        CliRun.Result r = br2k.run("ask-context", "--service", "infodid", "--image", "127.0.0.1:5000/infodid:1", "--replicas", "3",
                "--max-replicas", "4", "--node-label", "br2k.dev/pool=infodid", "-o", request.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var read = dev.br2k.cli.context.ContextRequest.read(request);
        assertThat(read.nodeLabels()).containsEntry("br2k.dev/pool", "infodid");
        assertThat(read.maxReplicas()).isEqualTo(4);
    }

    @Test
    void a_broken_context_request_is_refused_the_way_a_broken_context_file_is() throws IOException {
        Path request = dir.resolve("req.yaml");
        Files.writeString(request, """
                kind: ContextRequest
                service: infodid
                image: 127.0.0.1:5000/infodid:1
                networkId: 31337
                maxReplicas: 2
                replicas: 3
                nodeLabels: { "bad key!": x }
                """);
        CliRun.Result assign = br2k.run("context-assign", "--request", request.toString(), "--server", "http://127.0.0.1:1",
                "--token", "t", "-o", dir.resolve("out.yaml").toString());
        assertThat(assign.exitCode()).as(assign.toString()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(assign.err()).contains("The context request " + request + " is invalid: ")
                .contains("replicas is 3, more than maxReplicas 2").contains("nodeLabels.bad key! is not a valid label key");
        assertThat(dir.resolve("out.yaml")).doesNotExist();

        Path context = contextFile("bad", "replicas: 9\n");
        CliRun.Result set = br2k.run("set-context", context.toString());
        assertThat(set.exitCode()).isEqualTo(ExitCode.BAD_FILE);
        assertThat(set.err()).contains("The deployment context " + context + " is invalid: ").contains("replicas is 9, more than maxReplicas 5");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        CliRun.Result r = br2k.run("list-context", "--colour");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--colour");
    }
}
