package dev.br2k.registry;

import dev.br2k.registry.internal.EventDecoder;

import java.util.Objects;

/**
 * The first step of a registration ({@link RegistryClient#commitRegistration}): the commitment the
 * contract now holds, and the secret that reveals it. Keep the secret until the registration is
 * revealed; whoever learns it before then still cannot use it (the commitment names the owner).
 *
 * @param id         the service the registration is for
 * @param owner      the account that committed and must reveal ({@code 0x}, lower case)
 * @param secret     32 random bytes, as {@code 0x} and 64 hex digits
 * @param commitment the hash the contract holds ({@code makeCommitment(name, owner, secret)})
 * @param receipt    the commit transaction
 */
public record RegistrationCommitment(ServiceId id, String owner, String secret, String commitment, RegistryReceipt receipt) {

    public RegistrationCommitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receipt, "receipt");
        owner = EventDecoder.address(Objects.requireNonNull(owner, "owner"));
        if (!Objects.requireNonNull(secret, "secret").matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("secret must be 0x and 64 lower-case hex digits");
        }
        if (!Objects.requireNonNull(commitment, "commitment").matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("commitment must be 0x and 64 lower-case hex digits, was " + commitment);
        }
    }

    @Override
    public String toString() {   // the secret stays out of logs
        return "RegistrationCommitment[id=" + id + ", owner=" + owner + ", commitment=" + commitment + "]";
    }
}
