package dev.br2k.registry;

import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A service's id in the registry: {@code keccak256} of its name's UTF-8 bytes, as a {@code bytes32}.
 *
 * @param hex the id as {@code 0x} and 64 lower-case hex digits
 */
public record ServiceId(String hex) {

    public ServiceId {
        Objects.requireNonNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A service id is 0x and 64 hex digits, was '" + hex + "'");
        }
    }

    /** The id of the service called {@code name}. */
    public static ServiceId ofName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        return new ServiceId(Numeric.toHexString(Hash.sha3(name.getBytes(StandardCharsets.UTF_8))));
    }

    /** An id given as hex ({@code 0x} optional). */
    public static ServiceId fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        return new ServiceId(hex.startsWith("0x") || hex.startsWith("0X") ? hex : "0x" + hex);
    }

    /** An id given as 32 bytes. */
    public static ServiceId fromBytes(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("A service id is 32 bytes, was " + bytes.length);
        }
        return new ServiceId(Numeric.toHexString(bytes));
    }

    /** The 32 bytes. */
    public byte[] toBytes() {
        return Numeric.hexStringToByteArray(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
