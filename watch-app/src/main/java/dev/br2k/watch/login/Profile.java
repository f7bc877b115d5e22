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
 * @param chainId         the chain the node served at the profile's first log-in, which every later log-in must
 *                        find again; 0 until then
 */
public record Profile(String name, String rpcUrl, String registryAddress, String keystorePath, String clusterDir,
                      String kubeContext, long chainId) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(registryAddress, "registryAddress");
        Objects.requireNonNull(keystorePath, "keystorePath");
        clusterDir = clusterDir == null ? "" : clusterDir;
        kubeContext = kubeContext == null ? "" : kubeContext;
    }

    /** A profile whose chain is not known yet. */
    public Profile(String name, String rpcUrl, String registryAddress, String keystorePath, String clusterDir,
                   String kubeContext) {
        this(name, rpcUrl, registryAddress, keystorePath, clusterDir, kubeContext, 0);
    }

    /** A profile without a Kubernetes context whose chain is not known yet. */
    public Profile(String name, String rpcUrl, String registryAddress, String keystorePath, String clusterDir) {
        this(name, rpcUrl, registryAddress, keystorePath, clusterDir, "");
    }

    public Profile withKeystore(String path) {
        return new Profile(name, rpcUrl, registryAddress, path, clusterDir, kubeContext, chainId);
    }

    public Profile withKubeContext(String context) {
        return new Profile(name, rpcUrl, registryAddress, keystorePath, clusterDir, context, chainId);
    }

    public Profile withChainId(long id) {
        return new Profile(name, rpcUrl, registryAddress, keystorePath, clusterDir, kubeContext, id);
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
