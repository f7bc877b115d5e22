package dev.br2k.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;

/** Nodes in the mock API server as a real cluster would show them: labelled for BR2K or not, Ready or not, cordoned or not. */
final class TestNodes {

    /** The labels the test context ({@code contexts/lab.yaml}) asks replica nodes to carry. */
    static final Map<String, String> LAB_LABELS =
            Map.of("br2k.dev/replica-node", "true", "topology.kubernetes.io/zone", "zone-a");

    private TestNodes() {
    }

    static void create(KubernetesClient client, String name, boolean labelled, boolean ready, boolean cordoned) {
        client.nodes().resource(new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(labelled ? LAB_LABELS : Map.of()).endMetadata()
                .withNewSpec().withUnschedulable(cordoned).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build()).create();
    }

    /** {@code count} Ready, uncordoned nodes carrying the lab labels, named {@code node-0 …}. */
    static void labelled(KubernetesClient client, int count) {
        for (int i = 0; i < count; i++) {
            create(client, "node-" + i, true, true, false);
        }
    }
}
