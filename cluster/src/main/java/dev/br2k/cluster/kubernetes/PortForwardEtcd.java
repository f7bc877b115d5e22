package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.etcd.EtcdUnavailableException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reaches the service's etcd from outside the cluster by port-forwarding to a running pod's etcd
 * client port. The forward is opened on first use and re-opened (to another pod, if need be) when a
 * request fails. Plain HTTP only: with etcd client TLS, give {@link KubernetesCluster} an
 * {@link EtcdAccess} that carries the client certificate.
 */
public final class PortForwardEtcd implements EtcdAccess {

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> selector;
    private LocalPortForward forward;
    private EtcdGateway gateway;

    public PortForwardEtcd(KubernetesClient client, String namespace, Map<String, String> selector) {
        this.client = client;
        this.namespace = namespace;
        this.selector = selector;
    }

    @Override
    public List<MemberInfo> members() {
        return call(EtcdGateway::members);
    }

    @Override
    public MemberInfo addMember(String peerUrl) {
        return call(g -> g.addMember(peerUrl));
    }

    @Override
    public boolean removeMember(String memberIdHex) {
        return call(g -> g.removeMember(memberIdHex));
    }

    @Override
    public Map<String, String> range(String prefix) {
        return call(g -> g.range(prefix));
    }

    private synchronized <T> T call(Function<EtcdGateway, T> request) {
        for (int attempt = 0; ; attempt++) {
            try {
                return request.apply(gateway());
            } catch (EtcdUnavailableException e) {
                if (attempt >= 1 || e.getCause() == null) {
                    throw e;
                }
                close(); // the pod may be gone: forward to another one
            }
        }
    }

    private EtcdGateway gateway() {
        if (gateway == null) {
            Pod pod = client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                    .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                    .findFirst()
                    .orElseThrow(() -> new EtcdUnavailableException("No running pod of the service in namespace "
                            + namespace + " to reach etcd through. Check the pods, or run recovery.", null));
            forward = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                    .portForward(KubernetesNames.ETCD_CLIENT_PORT);
            gateway = EtcdGateway.of(List.of(URI.create("http://127.0.0.1:" + forward.getLocalPort())));
        }
        return gateway;
    }

    @Override
    public synchronized void close() {
        if (forward != null) {
            try {
                forward.close();
            } catch (IOException ignored) {
                // the forward is gone either way
            }
        }
        forward = null;
        gateway = null;
    }
}
