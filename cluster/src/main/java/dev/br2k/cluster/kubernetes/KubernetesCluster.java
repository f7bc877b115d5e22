package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.StoredContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/**
 * A BR2K service on Kubernetes: a StatefulSet whose pods each run the service and an etcd member, a
 * headless Service for stable peer names, a client Service, the etcd bootstrap ConfigMap, and the
 * keystore and image pull Secrets. The raw fabric8 {@link KubernetesClient} is injected; the caller
 * owns it. Each operation lives in its own class: {@link DeployOperation}, {@link ScaleOperations} (add,
 * reduce), {@link PauseOperation}, {@link RecoveryOperation}, {@link ServiceStateReader}; they share
 * {@link ServiceObjects} (the running objects) and {@link EtcdMembership} (members and the bootstrap ConfigMap).
 *
 * <pre>{@code
 * DeploymentContext ctx = DeploymentContextParser.parse(Path.of("lab.yaml"));
 * try (KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build();
 *      KubernetesCluster cluster = KubernetesCluster.builder().client(client).context(ctx).build()) {
 *     cluster.deploy(ctx.replicas(), event -> System.out.println(event.step() + " " + event.status()));
 *     cluster.add(1, ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class KubernetesCluster implements Br2kCluster {

    private final KubernetesClient client;
    private final DeploymentContext ctx;
    private final EtcdAccess etcd;
    private final DeployOperation deploy;
    private final ScaleOperations scale;
    private final PauseOperation pause;
    private final RecoveryOperation recovery;
    private final ServiceStateReader stateReader;
    private final List<LogStream> streams = new CopyOnWriteArrayList<>();

    private KubernetesCluster(Builder b) {
        this.client = b.client;
        this.ctx = b.context;
        this.etcd = b.etcd != null ? b.etcd : new PortForwardEtcd(b.client, b.context.namespace(), selector(b.context.service()),
                b.context.etcdTls().client() ? Optional.of(KubernetesNames.tlsSecret(b.context)) : Optional.empty());
        ReplicaStatusSource statusSource = b.statusSource != null ? b.statusSource : new ApiServerProxyStatus(b.client);
        ServiceObjects objects = new ServiceObjects(client, ctx);
        EtcdMembership membership = new EtcdMembership(etcd, objects);
        this.deploy = new DeployOperation(objects, membership, b.stored);
        this.scale = new ScaleOperations(objects, membership, b.joinTimeout);
        this.pause = new PauseOperation(objects);
        this.recovery = new RecoveryOperation(objects, membership, deploy);
        this.stateReader = new ServiceStateReader(objects, etcd, statusSource);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String service() {
        return ctx.service();
    }

    public DeploymentContext context() {
        return ctx;
    }

    /**
     * The replicas' admin token ({@code Authorization: Bearer <token>} for {@code GET /metrics} and
     * {@code POST /br2k/backup}), from the Secret {@code <svc>-admin}.
     *
     * @throws ClusterException if the Secret is missing (deploy the service first)
     */
    public String adminToken() {
        String name = KubernetesNames.adminSecret(ctx);
        Secret secret = client.secrets().inNamespace(ctx.namespace()).withName(name).get();
        if (secret == null || secret.getData() == null || !secret.getData().containsKey(KubernetesNames.ADMIN_TOKEN_KEY)) {
            throw new ClusterException("No admin token: the Secret " + name + " in namespace " + ctx.namespace()
                    + " is missing or has no '" + KubernetesNames.ADMIN_TOKEN_KEY + "' key. Deploy the service to create it.");
        }
        return new String(Base64.getDecoder().decode(secret.getData().get(KubernetesNames.ADMIN_TOKEN_KEY)),
                StandardCharsets.UTF_8).strip();
    }

    /**
     * Creates what is missing and updates what drifted from the context. The replica count is used
     * only when the StatefulSet is created; later the count changes only through add, reduce and pause.
     */
    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        return deploy.deploy(replicas, listener);
    }

    @Override
    public OperationResult add(int count, ProgressListener listener) {
        return scale.add(count, listener);
    }

    @Override
    public OperationResult reduce(int count, ProgressListener listener) {
        return scale.reduce(count, listener);
    }

    @Override
    public OperationResult pause(ProgressListener listener) {
        return pause.pause(listener);
    }

    @Override
    public OperationResult recover(RecoverySource source, ProgressListener listener) {
        return recovery.recover(source, listener);
    }

    @Override
    public ServiceState state() {
        return stateReader.state();
    }

    @Override
    public LogStream logs(String replica, LogOptions options, LogListener listener) {
        if (ordinal(ctx, replica).isEmpty()) {
            throw new ClusterException(replica + " is not a replica of " + ctx.service() + "; replicas are named "
                    + ctx.service() + "-<index>.");
        }
        PodLogStream stream = new PodLogStream(client, ctx.namespace(), replica, options, listener);
        streams.add(stream);
        stream.start();
        return stream;
    }

    @Override
    public void close() {
        streams.forEach(LogStream::close);
        streams.clear();
        etcd.close();
    }

    /** Builder for {@link KubernetesCluster}. */
    public static final class Builder {
        private KubernetesClient client;
        private DeploymentContext context;
        private Optional<StoredContext> stored = Optional.empty();
        private EtcdAccess etcd;
        private ReplicaStatusSource statusSource;
        private Duration joinTimeout = Duration.ofMinutes(5);

        private Builder() {
        }

        /** The client to use; the caller owns and closes it. */
        public Builder client(KubernetesClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The deployer's context: deploy keeps its canonical form in ConfigMap {@code <svc>-context} ({@link ContextStore}). */
        public Builder context(DeploymentContext context) {
            this.context = Objects.requireNonNull(context, "context");
            this.stored = Optional.empty();
            return this;
        }

        /**
         * A context read back from the namespace ({@link ContextStore#read}): operations re-apply the objects with
         * the Secrets there as they are (the keystore and image registry Secrets are referred to, not rewritten),
         * and the kept ConfigMap is not rewritten.
         */
        public Builder stored(StoredContext stored) {
            this.stored = Optional.of(Objects.requireNonNull(stored, "stored"));
            this.context = stored.context();
            return this;
        }

        /** How to reach the service's etcd; defaults to a port-forward to a running pod. */
        public Builder etcd(EtcdAccess etcd) {
            this.etcd = Objects.requireNonNull(etcd, "etcd");
            return this;
        }

        /** How to read a replica's /br2k/status; defaults to the API server's pod proxy. */
        public Builder statusSource(ReplicaStatusSource statusSource) {
            this.statusSource = Objects.requireNonNull(statusSource, "statusSource");
            return this;
        }

        /** How long add waits for a new member's pod to join etcd before the next; zero to not wait. */
        public Builder joinTimeout(Duration joinTimeout) {
            this.joinTimeout = Objects.requireNonNull(joinTimeout, "joinTimeout");
            return this;
        }

        public KubernetesCluster build() {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(context, "context");
            return new KubernetesCluster(this);
        }
    }
}
