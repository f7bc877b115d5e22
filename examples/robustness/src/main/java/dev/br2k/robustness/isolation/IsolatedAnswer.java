package dev.br2k.robustness.isolation;

/**
 * One answer a client inside an isolated leader's namespace got from that replica.
 *
 * @param write     true for a replicated write, false for a read
 * @param requestId the request's {@code Br2k-Request-Id}
 * @param status    the HTTP status; 0 when no answer came (timeout, connection refused)
 * @param detail    the error, or the start of the body
 */
public record IsolatedAnswer(boolean write, String requestId, int status, String detail) {
    /** A 2xx: the isolated replica claimed success, which it cannot do without a quorum. */
    public boolean success() {
        return status >= 200 && status < 300;
    }

    public boolean redirect() {
        return status >= 300 && status < 400;
    }

    public boolean noAnswer() {
        return status == 0;
    }
}
