package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import dev.br2k.cluster.context.CanonicalContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backups go to one store every replica reaches: a ReadWriteMany claim shared by all pods (not a claim
 * template, which gives each pod its own), holding the backup artifacts and the backup log, so a new or
 * replaced replica restores the backup another one made.
 */
class SharedBackupStoreTest {
    DeploymentContext ctx;
    PodSpec pod;
    Container service;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        pod = DesiredState.statefulSet(ctx, 3).getSpec().getTemplate().getSpec();
        service = pod.getContainers().stream().filter(c -> c.getName().equals(KubernetesNames.SERVICE_CONTAINER)).findFirst().orElseThrow();
        env = service.getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void every_pod_mounts_the_same_read_write_many_claim_where_the_runtime_keeps_its_backups_and_backup_log() {
        Volume backups = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no pod volume names a shared claim: " + pod.getVolumes()));
        assertThat(backups.getPersistentVolumeClaim().getClaimName()).isEqualTo(KubernetesNames.backupClaim(ctx)).isEqualTo("infodid-backups");
        VolumeMount mount = service.getVolumeMounts().stream().filter(m -> m.getName().equals(backups.getName())).findFirst().orElseThrow();

        assertThat(env.get("BR2K_BACKUP_DIR")).isEqualTo(mount.getMountPath());
        assertThat(env.get("BR2K_BACKUP_LOG_FILE")).startsWith(mount.getMountPath() + "/");
        assertThat(DesiredState.statefulSet(ctx, 3).getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
                .as("per-pod claims").doesNotContain(backups.getName());
    }

    @Test
    void the_shared_claim_is_read_write_many_of_the_storage_size() {
        PersistentVolumeClaim claim = DesiredState.backupClaim(ctx);

        assertThat(claim.getMetadata().getName()).isEqualTo("infodid-backups");
        assertThat(claim.getMetadata().getNamespace()).isEqualTo("br2k");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("2Gi");
        assertThat(claim.getSpec().getStorageClassName()).as("the cluster's default class; an operator may make the claim first")
                .isNull();
    }

    @Test
    void a_context_may_name_the_backup_claims_storage_class_apart_from_the_per_pod_claims() throws Exception {
        Path lab = Path.of(getClass().getResource("/contexts/lab.yaml").toURI());
        DeploymentContext nfs = DeploymentContextParser.parse(Files.readString(lab) + "\nbackupStorageClass: nfs-rwx\n",
                "lab.yaml with backupStorageClass", lab.getParent());

        assertThat(DesiredState.backupClaim(nfs).getSpec().getStorageClassName()).isEqualTo("nfs-rwx");
        assertThat(DesiredState.statefulSet(nfs, 3).getSpec().getVolumeClaimTemplates())
                .allSatisfy(c -> assertThat(c.getSpec().getStorageClassName()).isEqualTo(ctx.storageClass().orElse(null)));
        assertThat(CanonicalContext.of(nfs)).as("the class is part of the deployed context's hash")
                .contains("\"backupStorageClass\":\"nfs-rwx\"");
        assertThat(CanonicalContext.of(ctx)).as("a context without it hashes as before").doesNotContain("backupStorageClass");
    }
}
