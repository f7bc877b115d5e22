package dev.br2k.infodid;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A did:ethr identifier: an Ethereum address, optionally with a network ({@code did:ethr:0x7a69:0xabc...}).
 * Two DIDs are equal when their addresses are: the address is what a signature proves.
 *
 * @param address the account address, lower-case, with {@code 0x}
 */
public record Did(String address) {
    private static final Pattern DID = Pattern.compile("did:ethr:(?:[A-Za-z0-9]+:)?(0x[0-9a-fA-F]{40})");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    public Did {
        Objects.requireNonNull(address, "address");
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("address must be 0x and 40 lower-case hex digits, was '" + address + "'");
        }
    }

    /**
     * Reads {@code did:ethr:0x…} or {@code did:ethr:<network>:0x…}.
     *
     * @throws IllegalArgumentException saying what a did:ethr looks like
     */
    public static Did parse(String text) {
        Matcher m = DID.matcher(Objects.requireNonNull(text, "text").trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a did:ethr DID; expected did:ethr:0x followed by 40 hex digits");
        }
        return new Did(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** Reads a DID, or a bare address ({@code 0x…}) as its DID. */
    public static Did of(String didOrAddress) {
        String t = Objects.requireNonNull(didOrAddress, "didOrAddress").trim();
        return parse(t.startsWith("did:") ? t : "did:ethr:" + t);
    }

    /** The DID of an address given with or without {@code 0x}. */
    public static Did ofAddress(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return new Did(a.startsWith("0x") ? a : "0x" + a);
    }

    @Override
    public String toString() {
        return "did:ethr:" + address;
    }
}
