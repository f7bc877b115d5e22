package dev.br2k.cluster.context;

/** The Kubernetes Service type of the client Service. */
public enum ServiceExposure {
    CLUSTER_IP("ClusterIP"), NODE_PORT("NodePort"), LOAD_BALANCER("LoadBalancer");

    private final String kubernetesType;

    ServiceExposure(String kubernetesType) {
        this.kubernetesType = kubernetesType;
    }

    public String kubernetesType() {
        return kubernetesType;
    }

    static ServiceExposure fromKubernetesType(String type) {
        for (ServiceExposure e : values()) {
            if (e.kubernetesType.equalsIgnoreCase(type)) {
                return e;
            }
        }
        throw new IllegalArgumentException(type);
    }
}
