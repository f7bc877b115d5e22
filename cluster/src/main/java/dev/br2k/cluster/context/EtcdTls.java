package dev.br2k.cluster.context;

import java.util.Objects;
import java.util.Optional;

/**
 * etcd TLS. With {@code peer} the members talk to each other over mutual TLS; with {@code client}
 * the service and operators reach etcd over TLS. The certificates come from the Secret named
 * {@code secretName} (keys {@code ca.crt}, {@code tls.crt}, {@code tls.key}), which must exist in the
 * namespace; the deployment only mounts it.
 *
 * @param peer       TLS between members
 * @param client     TLS for clients
 * @param secretName the Secret holding the certificates, defaults to {@code <service>-etcd-tls}
 */
public record EtcdTls(boolean peer, boolean client, Optional<String> secretName) {

    public static final EtcdTls NONE = new EtcdTls(false, false, Optional.empty());

    public EtcdTls {
        Objects.requireNonNull(secretName, "secretName");
    }

    public boolean enabled() {
        return peer || client;
    }
}
