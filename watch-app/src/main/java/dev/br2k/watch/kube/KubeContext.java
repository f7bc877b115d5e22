package dev.br2k.watch.kube;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A context of a kubeconfig: what the selector lists.
 *
 * @param name      the context's name, as {@code kubectl config get-contexts} shows it
 * @param cluster   the cluster entry it uses
 * @param server    that cluster's API server URL, or empty if the file names none
 * @param namespace the context's namespace; {@code default} when the file sets none
 * @param file      the kubeconfig file that defines it
 */
public record KubeContext(String name, String cluster, String server, String namespace, Path file) {

    public KubeContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(file, "file");
    }

    /** How the selector shows it: {@code name — namespace @ server}. */
    public String label() {
        return name + " — " + namespace + (server.isEmpty() ? "" : " @ " + server);
    }

    @Override
    public String toString() {
        return label();
    }
}
