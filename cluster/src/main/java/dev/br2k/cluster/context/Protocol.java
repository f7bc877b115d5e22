package dev.br2k.cluster.context;

/** How clients reach the service's replicas. */
public enum Protocol {
    HTTP, HTTPS, GRPC
}
