package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.KubeconfigMapping;
import dev.br2k.cluster.local.LocalCluster;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Checks that the context can take the service before you spray it: the API server answers, the namespace",
                "exists and the token may use it, enough nodes carry the labels; or, for a local context, that etcd and the project are there."})
public final class TestCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() {
        ContextEntry entry = Contexts.select(common.home(), options.context);
        common.out().println("Testing context \"" + entry.name() + "\" (" + entry.kind().label() + ")");
        if (entry.kind() == ContextKind.LOCAL) {
            check("etcd binary " + LocalCluster.DEFAULT_ETCD, Files.isExecutable(LocalCluster.DEFAULT_ETCD),
                    "install it: apt-get install -y etcd-server");
            if (Files.exists(options.project.resolve(ProjectFile.FILE_NAME))) {
                try {
                    ProjectFile p = ProjectFile.read(options.project);
                    check("project " + p.service() + " class path (" + p.resolvedClasspath().size() + " entries)", true, "");
                } catch (RuntimeException e) {
                    check("project class path", false, e.getMessage());
                }
            } else {
                check("deployed already or a br2k.yaml in " + options.project.toAbsolutePath(),
                        LocalCluster.exists(entry.baseDir().orElseThrow(), entry.service().orElseThrow()),
                        "run from the project directory or pass --project DIR");
            }
        } else {
            DeploymentContext ctx = Contexts.deployment(entry);
            check("context file " + entry.file().orElseThrow(), true, "");
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build()) {
                kubernetes(client, ctx);
            }
        }
        if (failures.isEmpty()) {
            common.out().println("All checks passed.");
            return ExitCode.OK;
        }
        common.out().println(failures.size() + " check(s) failed.");
        return ExitCode.FAILED;
    }

    private void kubernetes(KubernetesClient client, DeploymentContext ctx) {
        try {
            client.pods().inNamespace(ctx.namespace()).list();
            check("API server " + client.getMasterUrl() + " answers and the token may list pods in " + ctx.namespace(), true, "");
        } catch (KubernetesClientException e) {
            check("API server " + client.getMasterUrl() + " and namespace " + ctx.namespace(), false,
                    (e.getCode() == 0 ? "unreachable: " : "HTTP " + e.getCode() + ": ") + e.getMessage());
            return;
        }
        try {
            boolean exists = client.namespaces().withName(ctx.namespace()).get() != null;
            check("namespace " + ctx.namespace() + " exists", exists, "ask the cluster admin to run 'br2k context-assign'");
        } catch (KubernetesClientException e) {
            common.out().println("  skip namespace check (the token may not read namespaces: HTTP " + e.getCode() + ")");
        }
        try {
            List<Node> nodes = ctx.nodeLabels().isEmpty() ? client.nodes().list().getItems()
                    : client.nodes().withLabels(ctx.nodeLabels()).list().getItems();
            check(nodes.size() + " node(s) labelled " + ctx.nodeLabels() + " for " + ctx.replicas() + " replicas (one per node)",
                    nodes.size() >= ctx.replicas(), "ask the cluster admin to label more nodes");
        } catch (KubernetesClientException e) {
            common.out().println("  skip node check (the token may not list nodes: HTTP " + e.getCode() + ")");
        }
    }

    private void check(String what, boolean ok, String fix) {
        common.out().println((ok ? "  ok    " : "  FAIL  ") + what + (ok || fix.isEmpty() ? "" : ": " + fix));
        if (!ok) {
            failures.add(what);
        }
    }
}
