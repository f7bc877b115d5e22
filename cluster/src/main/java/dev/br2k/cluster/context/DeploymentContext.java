package dev.br2k.cluster.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployer needs to put a BR2K service on a cluster (spec §3.1). Read one with
 * {@link DeploymentContextParser}; every value here has been validated.
 *
 * @param name               context name, also the kubeconfig context it maps onto
 * @param service            service name (a DNS-1123 label: it names pods, Services and etcd keys)
 * @param apiServer          Kubernetes API server URL; empty to use {@code kubeconfigContext} from the kubeconfig
 * @param token              bearer token for the API server, empty when the kubeconfig provides credentials
 * @param certificateAuthority PEM file of the API server's CA, empty to use the system's trust store
 * @param insecureSkipTlsVerify skip the API server's certificate check (development clusters only)
 * @param kubeconfigContext  an existing kubeconfig context to use instead of {@code apiServer}
 * @param namespace          namespace of every object of the service
 * @param nodeLabels         node labels a replica's node must have (node affinity)
 * @param networkId          chain id of the network the service registry lives on
 * @param protocol           HTTP, HTTPS or gRPC
 * @param endpoints          public endpoints of the service (URLs), published to clients; may be empty
 * @param port               the service's port inside the pod
 * @param stateMountPath     where the service's state volume is mounted
 * @param etcdMountPath      where etcd's data volume is mounted
 * @param image              service container image
 * @param etcdImage          etcd container image (must contain {@code /bin/sh} and {@code etcd})
 * @param replicas           replicas to deploy
 * @param maxReplicas        maximum replicas (as registered)
 * @param storageSize        size of each volume claim, e.g. {@code 1Gi}
 * @param storageClass       storage class of the volume claims, empty for the cluster's default
 * @param backupStorageClass storage class of the shared backup claim (it must provision ReadWriteMany), empty for
 *                           the cluster's default
 * @param exposure           type of the client Service
 * @param imageRegistry      credentials for pulling {@code image}, empty when the image is public
 * @param imagePullSecrets   existing pull Secrets to use as well
 * @param keystore           the service account's Ethereum keystore file, put into a Secret
 * @param etcdTls            etcd TLS settings
 */
public record DeploymentContext(
        String name,
        String service,
        Optional<String> apiServer,
        Optional<String> token,
        Optional<Path> certificateAuthority,
        boolean insecureSkipTlsVerify,
        Optional<String> kubeconfigContext,
        String namespace,
        Map<String, String> nodeLabels,
        long networkId,
        Protocol protocol,
        List<String> endpoints,
        int port,
        String stateMountPath,
        String etcdMountPath,
        String image,
        String etcdImage,
        int replicas,
        int maxReplicas,
        String storageSize,
        Optional<String> storageClass,
        Optional<String> backupStorageClass,
        ServiceExposure exposure,
        Optional<ImageRegistry> imageRegistry,
        List<String> imagePullSecrets,
        Optional<Path> keystore,
        EtcdTls etcdTls) {

    public static final String DEFAULT_ETCD_IMAGE = "quay.io/coreos/etcd:v3.4.23";

    public DeploymentContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(apiServer, "apiServer");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(certificateAuthority, "certificateAuthority");
        Objects.requireNonNull(kubeconfigContext, "kubeconfigContext");
        Objects.requireNonNull(namespace, "namespace");
        nodeLabels = Map.copyOf(nodeLabels);
        Objects.requireNonNull(protocol, "protocol");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(stateMountPath, "stateMountPath");
        Objects.requireNonNull(etcdMountPath, "etcdMountPath");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(etcdImage, "etcdImage");
        Objects.requireNonNull(storageSize, "storageSize");
        Objects.requireNonNull(storageClass, "storageClass");
        Objects.requireNonNull(backupStorageClass, "backupStorageClass");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(imageRegistry, "imageRegistry");
        imagePullSecrets = List.copyOf(imagePullSecrets);
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(etcdTls, "etcdTls");
    }

    /** A copy with another replica count (e.g. from the registry during recovery). */
    public DeploymentContext withReplicas(int newReplicas) {
        return new DeploymentContext(name, service, apiServer, token, certificateAuthority, insecureSkipTlsVerify,
                kubeconfigContext, namespace, nodeLabels, networkId, protocol, endpoints, port, stateMountPath,
                etcdMountPath, image, etcdImage, newReplicas, maxReplicas, storageSize, storageClass, backupStorageClass, exposure,
                imageRegistry, imagePullSecrets, keystore, etcdTls);
    }

    /** A copy with another service image (e.g. the registered one during recovery). */
    public DeploymentContext withImage(String newImage) {
        return new DeploymentContext(name, service, apiServer, token, certificateAuthority, insecureSkipTlsVerify,
                kubeconfigContext, namespace, nodeLabels, networkId, protocol, endpoints, port, stateMountPath,
                etcdMountPath, newImage, etcdImage, replicas, maxReplicas, storageSize, storageClass, backupStorageClass, exposure,
                imageRegistry, imagePullSecrets, keystore, etcdTls);
    }

    @Override
    public String toString() {
        return "DeploymentContext[name=" + name + ", service=" + service + ", apiServer=" + apiServer
                + ", namespace=" + namespace + ", image=" + image + ", replicas=" + replicas + "/" + maxReplicas
                + ", token=" + (token.isPresent() ? "***" : "none") + "]";
    }
}
