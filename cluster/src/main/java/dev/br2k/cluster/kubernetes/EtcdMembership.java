package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/** The service's etcd members by replica ordinal, and the bootstrap ConfigMap that a new member reads. */
final class EtcdMembership {

    private final EtcdAccess etcd;
    private final KubernetesClient client;
    private final DeploymentContext ctx;

    EtcdMembership(EtcdAccess etcd, ServiceObjects objects) {
        this.etcd = etcd;
        this.client = objects.client();
        this.ctx = objects.context();
    }

    EtcdAccess etcd() {
        return etcd;
    }

    Optional<MemberInfo> memberOf(int index) {
        String pod = pod(ctx, index);
        String url = peerUrl(ctx, index);
        return etcd.members().stream().filter(m -> m.peerUrls().contains(url) || m.name().equals(pod)).findFirst();
    }

    /** Writes the current member list into the bootstrap ConfigMap that a new member reads. */
    boolean syncEtcdConfig() {
        Map<String, String> members = new LinkedHashMap<>();
        for (MemberInfo m : etcd.members()) {
            String url = m.peerUrls().isEmpty() ? "" : m.peerUrls().get(0);
            String name = m.started() ? m.name()
                    : ordinal(ctx, url).map(i -> pod(ctx, i)).orElse("member-" + m.id());
            members.put(name, url);
        }
        ConfigMap desired = DesiredState.etcdConfig(ctx, members, false);
        ConfigMap existing = client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx)).get();
        if (existing != null && desired.getData().equals(existing.getData())) {
            return false;
        }
        if (existing == null) {
            client.resource(desired).inNamespace(ctx.namespace()).create();
        } else {
            client.configMaps().inNamespace(ctx.namespace()).withName(etcdConfigMap(ctx))
                    .edit(c -> { c.setData(desired.getData()); return c; });
        }
        return true;
    }

    /** Removes members added for replicas at or beyond the replica count (an add that never finished). */
    boolean removeStrays(int replicas) {
        boolean changed = false;
        for (MemberInfo m : etcd.members()) {
            Optional<Integer> i = m.peerUrls().stream().map(u -> ordinal(ctx, u)).flatMap(Optional::stream).findFirst();
            if (i.isPresent() && i.get() >= replicas) {
                changed |= etcd.removeMember(m.id());
            }
        }
        if (changed) {
            syncEtcdConfig();
        }
        return changed;
    }
}
