package dev.br2k.cli.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.internal.YamlFields;
import dev.br2k.cluster.context.FieldReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployer asks a cluster admin for ({@code br2k ask-context}); the admin answers with a
 * context file ({@code br2k context-assign}).
 *
 * @param service        service name (names the namespace objects and etcd keys)
 * @param namespace      the namespace asked for
 * @param replicas       replicas to run
 * @param maxReplicas    most replicas ever (one node each)
 * @param nodeLabels     labels the replica nodes should get
 * @param port           the service's port
 * @param networkId      chain id of the service registry's network
 * @param protocol       HTTP, HTTPS or gRPC
 * @param image          the service image
 * @param stateMountPath where the service's state is mounted
 * @param etcdMountPath  where etcd's data is mounted
 * @param contact        who asks (mail or chat handle), for the admin
 */
public record ContextRequest(String service, String namespace, int replicas, int maxReplicas, Map<String, String> nodeLabels,
                             int port, long networkId, String protocol, String image, String stateMountPath,
                             String etcdMountPath, Optional<String> contact) {
    public ContextRequest {
        Objects.requireNonNull(service, "service");
        nodeLabels = Map.copyOf(nodeLabels);
    }

    public String toYaml() {
        ObjectNode n = YamlFields.YAML.createObjectNode();
        n.put("kind", "ContextRequest");
        n.put("service", service);
        n.put("namespace", namespace);
        n.put("replicas", replicas);
        n.put("maxReplicas", maxReplicas);
        ObjectNode labels = n.putObject("nodeLabels");
        new java.util.TreeMap<>(nodeLabels).forEach(labels::put);
        n.put("port", port);
        n.put("networkId", networkId);
        n.put("protocol", protocol);
        n.put("image", image);
        n.put("stateMountPath", stateMountPath);
        n.put("etcdMountPath", etcdMountPath);
        contact.ifPresent(c -> n.put("contact", c));
        try {
            return YamlFields.YAML.writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a request file; every problem names its field. */
    public static ContextRequest read(Path file) {
        FieldReader f = YamlFields.read(file, "context request", "the deployer writes it with 'br2k ask-context'");
        f.string("kind", true, "ContextRequest", "ContextRequest");
        String service = f.string("service", true, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", "a lower-case DNS label").orElse("x");
        String namespace = f.string("namespace", false, "[a-z0-9]([-a-z0-9]*[a-z0-9])?", "a lower-case DNS label").orElse(service);
        int max = f.integer("maxReplicas", true, 1, 99).orElse(1);
        int replicas = f.integer("replicas", false, 1, 99).orElse(Math.min(3, max));
        if (replicas > max) {
            f.problem("replicas", "is " + replicas + ", more than maxReplicas " + max);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.putAll(f.labels("nodeLabels"));
        int port = f.integer("port", false, 1, 65535).orElse(8080);
        long networkId = f.integer("networkId", true, 1, Integer.MAX_VALUE).orElse(1);
        String protocol = f.string("protocol", false, "(?i)HTTP|HTTPS|GRPC", "HTTP, HTTPS or gRPC").orElse("HTTP");
        String image = f.string("image", true, "\\S+", "an image reference").orElse("x");
        String state = f.string("stateMountPath", false, "/.*", "an absolute path").orElse("/var/lib/br2k/state");
        String etcd = f.string("etcdMountPath", false, "/.*", "an absolute path").orElse("/var/lib/etcd");
        Optional<String> contact = f.string("contact", false, null, null);
        f.rejectUnknown();
        f.failIfProblems();
        if (labels.isEmpty()) {
            labels.put("br2k.dev/" + service, "replica");
        }
        return new ContextRequest(service, namespace, replicas, max, labels, port, networkId, protocol, image, state, etcd, contact);
    }
}
