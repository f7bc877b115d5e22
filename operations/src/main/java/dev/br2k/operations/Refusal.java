package dev.br2k.operations;

/** Why an operation was refused on the chain check, before anything changed. */
public enum Refusal {
    /** The node is of another chain than the registry was added for. */
    WRONG_CHAIN,
    /** The service is not registered on this registry. */
    NOT_REGISTERED,
    /** The signing account is not the service's manager (or has no account at all). */
    NOT_MANAGER,
    /** The new replica count is outside [1, registered maximum]. */
    OUT_OF_RANGE,
    /** The dry run of the registry transaction reverted for another reason. */
    WOULD_REVERT,
    /** The chain could not be asked. */
    CHAIN_UNREACHABLE
}
