package dev.br2k.cli.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.internal.YamlFields;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The cluster admin's side of {@code ask-context} (the source's "context-assign server"): everything
 * idempotent, so the admin can re-run it.
 */
@Command(name = "context-assign", mixinStandardHelpOptions = true,
        description = {"Cluster admin: answers a deployer's 'ask-context' request. Labels the chosen nodes, creates the namespace,",
                "a service account whose token and RBAC reach only that namespace (and may read nodes), and writes the context file to send back.",
                "Uses your kubeconfig (or --server/--token). Safe to re-run."})
public final class ContextAssignCommand implements Callable<Integer> {
    static final List<String> NAMESPACED_RESOURCES = List.of("pods", "pods/log", "pods/portforward", "pods/proxy", "services",
            "services/proxy", "configmaps", "secrets", "persistentvolumeclaims", "events", "serviceaccounts");

    /**
     * What the deployer may do in its namespace: every kind of object a deployment creates (cluster's
     * {@code DesiredState}), including the leader-label sidecar's Role and RoleBinding (it may grant them:
     * it holds get/patch on pods itself).
     */
    static List<io.fabric8.kubernetes.api.model.rbac.PolicyRule> deployerRules() {
        return List.of(new PolicyRuleBuilder().withApiGroups("").withResources(NAMESPACED_RESOURCES).withVerbs("*").build(),
                new PolicyRuleBuilder().withApiGroups("apps").withResources("statefulsets", "statefulsets/scale").withVerbs("*").build(),
                new PolicyRuleBuilder().withApiGroups("policy").withResources("poddisruptionbudgets").withVerbs("*").build(),
                new PolicyRuleBuilder().withApiGroups("networking.k8s.io").withResources("networkpolicies").withVerbs("*").build(),
                new PolicyRuleBuilder().withApiGroups("rbac.authorization.k8s.io").withResources("roles", "rolebindings")
                        .withVerbs("get", "list", "watch", "create", "update", "patch", "delete").build());
    }

    /** The one cluster-wide grant: reading nodes, so that ADD counts the schedulable labelled nodes before it adds a member. */
    static final String NODE_READER = "br2k-node-reader";

    static io.fabric8.kubernetes.api.model.rbac.PolicyRule nodeReaderRule() {
        return new PolicyRuleBuilder().withApiGroups("").withResources("nodes").withVerbs("get", "list", "watch").build();
    }

    @Mixin
    Common common;

    @Option(names = "--no-node-reader",
            description = {"Do not let the account read nodes (a ClusterRole with get/list/watch on nodes, its only cluster-wide grant).",
                    "Without it ADD cannot count schedulable nodes first, and an ADD whose pod cannot be scheduled is undone only",
                    "when the new etcd learner's join times out."})
    boolean noNodeReader;

    @Option(names = "--request", required = true, paramLabel = "FILE", description = "The deployer's request from 'br2k ask-context'.")
    Path request;

    @Option(names = "--nodes", split = ",", paramLabel = "NODE", description = "Nodes to label (default: the first Ready nodes, as many as maxReplicas).")
    List<String> nodes = List.of();

    @Option(names = "--server", paramLabel = "URL", description = "API server (default: from your kubeconfig).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Admin bearer token, with --server.")
    String token;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not check the API server's certificate (lab clusters only).")
    boolean insecure;

    @Option(names = "--public-server", paramLabel = "URL", description = "API server URL the deployer should use (default: the one used here).")
    String publicServer;

    @Option(names = "--token-wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the cluster to fill in the service account's token (default: ${DEFAULT-VALUE}).")
    int tokenWaitSeconds;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the context file for the deployer.")
    Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ContextRequest req = ContextRequest.read(request);
        Config config = server == null ? new ConfigBuilder().build()
                : new ConfigBuilder().withMasterUrl(server).withOauthToken(token).withTrustCerts(insecure).build();
        if (server != null && insecure) {
            config.setTrustCerts(true);
        }
        String ns = req.namespace();
        String account = req.service() + "-deployer";
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            List<String> chosen = chooseNodes(client, req);
            for (String node : chosen) {
                client.nodes().withName(node).edit(n -> {
                    Map<String, String> labels = new java.util.HashMap<>(n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels());
                    labels.putAll(req.nodeLabels());
                    n.getMetadata().setLabels(labels);
                    return n;
                });
                common.progress("  labelled node " + node + " " + req.nodeLabels());
            }
            Map<String, String> managed = Map.of("app.kubernetes.io/managed-by", "br2k", "br2k.dev/service", req.service());
            client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).withLabels(managed).endMetadata().build())
                    .createOr(existing -> existing.update());
            common.progress("  namespace " + ns);
            client.resource(new ServiceAccountBuilder().withNewMetadata().withName(account).withNamespace(ns).withLabels(managed)
                    .endMetadata().build()).inNamespace(ns).createOr(existing -> existing.update());
            client.resource(new RoleBuilder().withNewMetadata().withName(account).withNamespace(ns).withLabels(managed).endMetadata()
                    .withRules(deployerRules())
                    .build()).inNamespace(ns).createOr(existing -> existing.update());
            client.resource(new RoleBindingBuilder().withNewMetadata().withName(account).withNamespace(ns).withLabels(managed).endMetadata()
                    .withNewRoleRef("rbac.authorization.k8s.io", "Role", account)
                    .addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(ns).endSubject()
                    .build()).inNamespace(ns).createOr(existing -> existing.update());
            common.progress("  service account " + ns + "/" + account + " with a Role on namespace " + ns);
            if (!noNodeReader) {
                client.resource(new ClusterRoleBuilder().withNewMetadata().withName(NODE_READER)
                        .withLabels(Map.of("app.kubernetes.io/managed-by", "br2k")).endMetadata()
                        .withRules(nodeReaderRule()).build()).createOr(existing -> existing.update());
                String binding = NODE_READER + "-" + ns + "-" + account;
                client.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(binding).withLabels(managed).endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", NODE_READER)
                        .addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(ns).endSubject()
                        .build()).createOr(existing -> existing.update());
                common.progress("  ClusterRoleBinding " + binding + ": the account may read nodes (get/list/watch), nothing else outside "
                        + ns + " (--no-node-reader to leave it out)");
            }
            Secret tokenSecret = new SecretBuilder().withNewMetadata().withName(account + "-token").withNamespace(ns).withLabels(managed)
                    .withAnnotations(Map.of("kubernetes.io/service-account.name", account)).endMetadata()
                    .withType("kubernetes.io/service-account-token").build();
            if (client.secrets().inNamespace(ns).withName(account + "-token").get() == null) {
                client.resource(tokenSecret).inNamespace(ns).create();
            }
            String deployerToken = awaitToken(client, ns, account + "-token");
            common.progress("  token of " + account);
            if (chosen.size() < req.maxReplicas()) {
                common.progress("  maxReplicas lowered from " + req.maxReplicas() + " to " + chosen.size() + ": only "
                        + chosen.size() + " node(s) are labelled, and each replica needs its own");
            }
            writeContext(req, Math.min(req.maxReplicas(), chosen.size()), publicServer != null ? publicServer : client.getMasterUrl().toString().replaceAll("/$", ""), deployerToken);
        } catch (KubernetesClientException e) {
            throw CliException.unreachable("the Kubernetes API refused a step: HTTP " + e.getCode() + " " + e.getMessage()
                    + " (is your kubeconfig an admin's?)", e);
        }
        Contexts.parse(output);
        common.out().println("Wrote " + output.toAbsolutePath() + ". Send it to the deployer (it holds a token: use a private channel);");
        common.out().println("they run: br2k set-context " + output.getFileName());
        return ExitCode.OK;
    }

    private List<String> chooseNodes(KubernetesClient client, ContextRequest req) {
        if (!nodes.isEmpty()) {
            for (String n : nodes) {
                if (client.nodes().withName(n).get() == null) {
                    throw CliException.failed("there is no node " + n + " (see kubectl get nodes)", null);
                }
            }
            return nodes;
        }
        List<String> ready = new ArrayList<>();
        for (Node n : client.nodes().list().getItems()) {
            boolean isReady = n.getStatus() == null || n.getStatus().getConditions() == null
                    || n.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            if (isReady && ready.size() < req.maxReplicas()) {
                ready.add(n.getMetadata().getName());
            }
        }
        if (ready.size() < req.replicas()) {
            throw CliException.failed("the cluster has " + ready.size() + " Ready node(s) but the request needs " + req.replicas()
                    + " (one replica per node): add nodes or ask for fewer replicas", null);
        }
        return ready;
    }

    private String awaitToken(KubernetesClient client, String ns, String secret) throws InterruptedException {
        long deadline = System.nanoTime() + tokenWaitSeconds * 1_000_000_000L;
        while (true) {
            Secret s = client.secrets().inNamespace(ns).withName(secret).get();
            if (s != null && s.getData() != null && s.getData().get("token") != null) {
                return new String(Base64.getDecoder().decode(s.getData().get("token")), StandardCharsets.UTF_8);
            }
            if (System.nanoTime() > deadline) {
                throw CliException.failed("the cluster did not fill in the token of Secret " + ns + "/" + secret + " within "
                        + tokenWaitSeconds + " s: is the token controller running? Re-run with a larger --token-wait", null);
            }
            Thread.sleep(250);
        }
    }

    private void writeContext(ContextRequest req, int maxReplicas, String apiServer, String deployerToken) throws IOException {
        ObjectNode n = YamlFields.YAML.createObjectNode();
        n.put("name", req.service());
        n.put("service", req.service());
        n.put("apiServer", apiServer);
        n.put("token", deployerToken);
        if (insecure) {
            n.put("insecureSkipTlsVerify", true);
        }
        n.put("namespace", req.namespace());
        ObjectNode labels = n.putObject("nodeLabels");
        req.nodeLabels().forEach(labels::put);
        n.put("networkId", req.networkId());
        n.put("protocol", req.protocol().toUpperCase(java.util.Locale.ROOT).replace("GRPC", "GRPC"));
        n.put("port", req.port());
        n.put("stateMountPath", req.stateMountPath());
        n.put("etcdMountPath", req.etcdMountPath());
        n.put("image", req.image());
        n.put("replicas", req.replicas());
        n.put("maxReplicas", maxReplicas);
        Files.createDirectories(output.toAbsolutePath().getParent());
        dev.br2k.cli.home.Br2kHome.writeAtomically(output.toAbsolutePath(), YamlFields.YAML.writeValueAsString(n), true);
    }
}
