package dev.br2k.watch.login;

import java.util.Objects;

/**
 * What the log-in screen remembers between runs: never the password.
 *
 * @param name            shown in the profile chooser, e.g. {@code sandbox}
 * @param rpcUrl          the chain's JSON-RPC URL
 * @param registryAddress the ServiceRegistry contract's address
 * @param keystorePath    the keystore file last used with this profile
 * @param clusterDir      the base directory of local clusters (the sandbox's) to attach, or empty
 * @param kubeContext     the kubeconfig context whose cluster to attach as well, or empty
 */
public record Profile(String name, String rpcUrl, String registryAddress, String keystorePath, String clusterDir,
                      String kubeContext) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(registryAddress, "registryAddress");
        Objects.requireNonNull(keystorePath, "keystorePath");
        clusterDir = clusterDir == null ? "" : clusterDir;
        kubeContext = kubeContext == null ? "" : kubeContext;
    }

    /** A profile without a Kubernetes context. */
    public Profile(String name, String rpcUrl, String registryAddress, String keystorePath, String clusterDir) {
        this(name, rpcUrl, registryAddress, keystorePath, clusterDir, "");
    }

    public Profile withKeystore(String path) {
        return new Profile(name, rpcUrl, registryAddress, path, clusterDir, kubeContext);
    }

    public Profile withKubeContext(String context) {
        return new Profile(name, rpcUrl, registryAddress, keystorePath, clusterDir, context);
    }

    /** A name for a profile without one: the host of its RPC URL and the registry's short address. */
    public static String defaultName(String rpcUrl, String registryAddress) {
        String host = rpcUrl.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        String shortAddress = registryAddress.length() > 10 ? registryAddress.substring(0, 6) + "…" + registryAddress.substring(registryAddress.length() - 4) : registryAddress;
        return host + " " + shortAddress;
    }

    @Override
    public String toString() {
        return name;
    }
}
