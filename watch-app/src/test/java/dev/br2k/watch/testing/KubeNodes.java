package dev.br2k.watch.testing;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Nodes for the mock API server, which has none: ADD counts the Ready ones first, as on a real cluster. */
public final class KubeNodes {
    private KubeNodes() {
    }

    /** Makes {@code node-1 … node-n}, each Ready (created or updated). */
    public static void ready(KubernetesClient client, int n) {
        for (int i = 1; i <= n; i++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-" + i).endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                    .build()).createOr(node -> node.update());
        }
    }
}
