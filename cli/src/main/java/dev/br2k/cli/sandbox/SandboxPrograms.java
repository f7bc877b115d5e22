package dev.br2k.cli.sandbox;

/**
 * The programs {@code br2k sandbox} runs in JVMs of their own, from {@code examples/infodid-sandbox} (on
 * {@link InfoDidClasspath}): their classes are never on the CLI's class path, so they are named here, with the
 * variables {@code SandboxReplica} reads. {@code SandboxIT} runs both.
 */
final class SandboxPrograms {
    /** An InfoDID replica whose leader publishes its location to the service registry. */
    static final String REPLICA = "dev.br2k.infodid.sandbox.SandboxReplica";
    /** One signed InfoDID request through a location given as its argument; exit 0 when it round-trips. */
    static final String REQUEST = "dev.br2k.infodid.sandbox.SandboxRequest";
    /** The chain's JSON-RPC URL. */
    static final String RPC = "BR2K_REGISTRY_RPC";
    /** The registry contract's address. */
    static final String ADDRESS = "BR2K_REGISTRY_ADDRESS";
    /** A file (owner-only) with the service account's private key in hex. */
    static final String KEY_FILE = "BR2K_REGISTRY_KEY_FILE";

    private SandboxPrograms() {
    }
}
