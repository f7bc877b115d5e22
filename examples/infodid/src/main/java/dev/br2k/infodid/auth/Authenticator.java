package dev.br2k.infodid.auth;

import dev.br2k.infodid.Did;
import dev.br2k.infodid.store.ProfileStore;
import dev.br2k.replication.Br2kContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks who signed a request and that it is not a replay.
 *
 * <p>State-changing requests ({@link #authenticateWrite}) must carry a nonce larger than the newest one
 * the signer used; the newest nonce is part of the replicated database, so every replica refuses the
 * same replays. Reads run once, on the leader ({@link #authenticateRead}): their nonce (the client's
 * clock in milliseconds) must be within {@link #READ_WINDOW} of the leader's time and not seen before
 * in that window.
 */
public final class Authenticator {
    public static final Duration READ_WINDOW = Duration.ofMinutes(5);

    private final Map<String, Instant> seenReads = new ConcurrentHashMap<>();

    /** The verified signer of {@code ctx}'s request. */
    public Did signer(Br2kContext ctx) {
        Did signer = claimedSigner(ctx);
        long nonce = nonce(required(ctx, SignedRequest.NONCE_HEADER));
        String signature = required(ctx, SignedRequest.SIGNATURE_HEADER);
        SignatureVerifier.verify(new SignedRequest(ctx.method().name(), ctx.path(), nonce, ctx.body()), signer, signature);
        return signer;
    }

    private static Did claimedSigner(Br2kContext ctx) {
        try {
            return Did.parse(required(ctx, SignedRequest.SIGNER_HEADER));
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedResponse(SignedRequest.SIGNER_HEADER + ": " + e.getMessage());
        }
    }

    /**
     * Verifies the signature and consumes the nonce in the store (call inside the request's transaction).
     *
     * @throws ReplayedRequestResponse when the nonce is not larger than the signer's newest
     */
    public Did authenticateWrite(Br2kContext ctx, ProfileStore store) throws SQLException {
        // A replayed entry is one the leader recorded SUCCESS, after it had verified the signature: recovering
        // the key again (milliseconds each) would only slow down followers and restores, so the signer header
        // is taken as verified. The nonce check below still runs, as it changes the replicated state.
        Did signer = ctx.replaying() ? claimedSigner(ctx) : signer(ctx);
        long nonce = nonce(ctx.header(SignedRequest.NONCE_HEADER).orElseThrow());
        var last = store.lastNonce(signer);
        if (last.isPresent() && nonce <= last.getAsLong()) {
            throw new ReplayedRequestResponse("nonce " + nonce + " of " + signer + " was already used (newest is "
                    + last.getAsLong() + "): a request is accepted once; sign it again with a larger nonce");
        }
        store.saveNonce(signer, nonce);
        return signer;
    }

    /** Verifies the signature of a read and that its nonce is fresh and unused. */
    public Did authenticateRead(Br2kContext ctx) {
        Did signer = signer(ctx);
        long nonce = nonce(ctx.header(SignedRequest.NONCE_HEADER).orElseThrow());
        Instant now = ctx.timestamp();
        Instant sent = Instant.ofEpochMilli(nonce);
        if (Duration.between(sent, now).abs().compareTo(READ_WINDOW) > 0) {
            throw new UnauthorizedResponse("the nonce of a read must be the current time in milliseconds (within "
                    + READ_WINDOW.toMinutes() + " minutes of the service's clock); check the client's clock");
        }
        evictOlderThan(now.minus(READ_WINDOW.multipliedBy(2)));
        if (seenReads.putIfAbsent(signer.address() + "/" + nonce, sent) != null) {
            throw new ReplayedRequestResponse("this read (nonce " + nonce + ") was already answered; sign it again with a new nonce");
        }
        return signer;
    }

    private void evictOlderThan(Instant limit) {
        for (Iterator<Map.Entry<String, Instant>> it = seenReads.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(limit)) {
                it.remove();
            }
        }
    }

    private static String required(Br2kContext ctx, String header) {
        return ctx.header(header).filter(v -> !v.isBlank())
                .orElseThrow(() -> new UnauthorizedResponse("the request is not signed: " + header + " is missing"));
    }

    private static long nonce(String text) {
        try {
            long n = Long.parseLong(text.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UnauthorizedResponse(SignedRequest.NONCE_HEADER + " must be a positive whole number, was '" + text + "'");
        }
    }
}
