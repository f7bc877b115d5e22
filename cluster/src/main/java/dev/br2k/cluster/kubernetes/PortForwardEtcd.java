package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.etcd.EtcdClientTls;
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
 * request fails. With etcd client TLS ({@code etcdTls: {client: true}}) it speaks HTTPS to the forwarded
 * port and presents the client certificate of the service's etcd TLS Secret ({@code ca.crt}, {@code tls.crt},
 * {@code tls.key}, read through the API server), so etcd's server certificate must name {@code 127.0.0.1}.
 */
public final class PortForwardEtcd implements EtcdAccess {

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> selector;
    private final java.util.Optional<String> tlsSecret;
    private EtcdClientTls tls;
    private LocalPortForward forward;
    private EtcdGateway gateway;
    private String forwardedPod;
    /** Pods whose forward failed since the last success: the next attempt goes to another one. */
    private final java.util.Set<String> failed = new java.util.HashSet<>();

    public PortForwardEtcd(KubernetesClient client, String namespace, Map<String, String> selector) {
        this(client, namespace, selector, java.util.Optional.empty());
    }

    /** With {@code tlsSecret}: etcd's client port requires TLS and a certificate from that Secret. */
    public PortForwardEtcd(KubernetesClient client, String namespace, Map<String, String> selector,
                           java.util.Optional<String> tlsSecret) {
        this.client = client;
        this.namespace = namespace;
        this.selector = selector;
        this.tlsSecret = tlsSecret;
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
    public MemberInfo addLearner(String peerUrl) {
        return call(g -> g.addLearner(peerUrl));
    }

    @Override
    public boolean promote(String memberIdHex) {
        return call(g -> g.promote(memberIdHex));
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
                T result = request.apply(gateway());
                failed.clear();
                return result;
            } catch (EtcdUnavailableException e) {
                if (attempt >= 2 || e.getCause() == null) {
                    throw e;
                }
                if (forwardedPod != null) {
                    failed.add(forwardedPod);
                }
                close(); // the pod may be gone or its etcd down: forward to another one
            }
        }
    }

    private EtcdGateway gateway() {
        if (gateway == null) {
            List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
            List<String> order = candidates(pods, failed);
            if (order.isEmpty()) {
                failed.clear();
                throw new EtcdUnavailableException("No pod of the service in namespace " + namespace + " has a running etcd"
                        + " to reach it through. Check the pods (kubectl get pods), or run recovery.", null);
            }
            forwardedPod = order.get(0);
            forward = client.pods().inNamespace(namespace).withName(forwardedPod).portForward(KubernetesNames.ETCD_CLIENT_PORT);
            URI local = forwardedUrl(tlsSecret.isPresent(), forward.getLocalPort());
            gateway = tlsSecret.isPresent() ? EtcdGateway.of(List.of(local), clientTls()) : EtcdGateway.of(List.of(local));
        }
        return gateway;
    }

    /** The local end of a forward: https when etcd's client port requires TLS. */
    static URI forwardedUrl(boolean tls, int localPort) {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + localPort);
    }

    /** The client certificate from the TLS Secret, read once. */
    EtcdClientTls clientTls() {
        if (tls == null) {
            String name = tlsSecret.orElseThrow();
            io.fabric8.kubernetes.api.model.Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                throw new EtcdUnavailableException("etcd client TLS is on, but Secret " + name + " does not exist in namespace "
                        + namespace + ". Create it with ca.crt, tls.crt and tls.key (cluster README, \"etcd TLS\").", null);
            }
            tls = EtcdClientTls.fromSecretData(secret.getData(), namespace + "/" + name);
        }
        return tls;
    }

    /**
     * The pods to forward to, best first: Running pods whose etcd container is ready, then those whose etcd
     * runs but is not ready (no quorum: every member's /health fails, but members still answer), leaving out
     * pods whose etcd is not running (crash-looping, waiting) and those in {@code avoid}.
     */
    static List<String> candidates(List<Pod> pods, java.util.Set<String> avoid) {
        List<String> ready = new java.util.ArrayList<>();
        List<String> running = new java.util.ArrayList<>();
        for (Pod p : pods) {
            if (p.getStatus() == null || !"Running".equals(p.getStatus().getPhase()) || avoid.contains(p.getMetadata().getName())) {
                continue;
            }
            var etcd = p.getStatus().getContainerStatuses() == null ? java.util.Optional.<io.fabric8.kubernetes.api.model.ContainerStatus>empty()
                    : p.getStatus().getContainerStatuses().stream().filter(c -> KubernetesNames.ETCD_CONTAINER.equals(c.getName())).findFirst();
            if (etcd.isEmpty() || etcd.get().getState() == null || etcd.get().getState().getRunning() == null) {
                continue;
            }
            (Boolean.TRUE.equals(etcd.get().getReady()) ? ready : running).add(p.getMetadata().getName());
        }
        ready.addAll(running);
        return ready;
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
        forwardedPod = null;
    }
}
