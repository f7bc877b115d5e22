package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.EtcdTls;
import dev.br2k.replication.Br2kEnvironment;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every variable the StatefulSet hands the service container is one the runtime reads (core-replication's list). */
class ServiceEnvironmentTest {

    /** Set only to compose other values ({@code $(POD_NAME)}), never read by the runtime. */
    static final List<String> KUBERNETES_ONLY = List.of("POD_NAME");

    @Test
    void every_variable_of_the_service_container_is_read_by_the_runtime() throws Exception {
        DeploymentContext lab = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        DeploymentContext peerTls = new DeploymentContext(lab.name(), lab.service(), lab.apiServer(), lab.token(),
                lab.certificateAuthority(), lab.insecureSkipTlsVerify(), lab.kubeconfigContext(), lab.namespace(),
                lab.nodeLabels(), lab.networkId(), lab.protocol(), lab.endpoints(), lab.port(), lab.stateMountPath(),
                lab.etcdMountPath(), lab.image(), lab.etcdImage(), lab.replicas(), lab.maxReplicas(), lab.storageSize(),
                lab.storageClass(), lab.backupStorageClass(), lab.exposure(), lab.imageRegistry(), lab.imagePullSecrets(), lab.keystore(),
                new EtcdTls(true, false, Optional.of("etcd-certs")));

        for (DeploymentContext ctx : List.of(lab, peerTls)) {
            List<String> names = DesiredState.statefulSet(ctx, 3).getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(c -> KubernetesNames.SERVICE_CONTAINER.equals(c.getName()))
                    .flatMap(c -> c.getEnv().stream()).map(EnvVar::getName)
                    .filter(n -> !KUBERNETES_ONLY.contains(n)).toList();
            assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(Br2kEnvironment.VARIABLES)
                    .as("%s is set on the service container but the runtime does not read it", n).contains(n));
        }
    }
}
