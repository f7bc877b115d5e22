package dev.br2k.cli.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of every cluster command: which context, and how to reach a Kubernetes service's etcd. */
public final class ClusterOptions {
    @Option(names = "--context", paramLabel = "NAME", description = "Context to use (default: the current one).")
    String context;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "Project directory with br2k.yaml: how to start a local service the first time (default: the current one).")
    Path project;

    @Option(names = "--etcd", paramLabel = "URL", split = ",",
            description = "Kubernetes: reach the service's etcd at these client URLs instead of a port-forward to a pod.")
    List<URI> etcd = List.of();

    @Option(names = "--kube-context", paramLabel = "NAME",
            description = {"Kubernetes, from any machine: reach the service through this context of $KUBECONFIG (or ~/.kube/config)",
                    "instead of a BR2K context; its deployment context is read from ConfigMap <service>-context (written by spray)",
                    "and checked against the registry's contextHash. With --service and --namespace."})
    String kubeContext;

    @Option(names = "--service", paramLabel = "NAME", description = "With --kube-context: the service.")
    String service;

    @Option(names = "--namespace", paramLabel = "NS", description = "With --kube-context: its namespace (default: the kubeconfig context's).")
    String namespace;

    @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Kubernetes: how long 'add' waits for a new member's pod to join etcd; 0 to not wait (default: ${DEFAULT-VALUE}).")
    long joinTimeoutSeconds;
}
