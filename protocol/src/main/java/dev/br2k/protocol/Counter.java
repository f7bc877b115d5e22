package dev.br2k.protocol;

/**
 * The plain decimal numbers etcd holds: {@code log-size}, {@code service-state}, {@code state-version},
 * {@code lpi/<replica>} and {@code ssv/<replica>}.
 */
public final class Counter {
    private Counter() {
    }

    public static String encode(long value) {
        return Long.toString(value);
    }

    /** The number in {@code text}, the value of {@code key}; anything but an optionally signed decimal is an error. */
    public static long decode(String key, String text) {
        if (!text.matches("-?[0-9]{1,19}")) {
            throw new ProtocolException("etcd key " + key + " holds '" + text + "', not a decimal number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProtocolException("etcd key " + key + " holds '" + text + "', out of range for a 64-bit number");
        }
    }
}
