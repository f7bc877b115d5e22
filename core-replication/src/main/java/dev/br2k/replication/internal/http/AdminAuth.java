package dev.br2k.replication.internal.http;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.Br2kException;
import dev.br2k.replication.HttpResponseException;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin credential of {@code POST /br2k/backup} and {@code GET /metrics}: {@code Authorization: Bearer <token>},
 * compared in constant time on SHA-256 hashes ({@link MessageDigest#isEqual}). Without a configured token the
 * admin routes answer 403 and say how to configure one; they are never open by default.
 */
final class AdminAuth {
    static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenHash;

    private AdminAuth(Optional<byte[]> tokenHash) {
        this.tokenHash = tokenHash;
    }

    /**
     * Reads the token from the config: its file if set, else its value.
     *
     * @throws Br2kException if the file cannot be read or holds fewer than 16 characters
     */
    static AdminAuth from(Br2kConfig config) {
        Optional<String> token = config.adminTokenFile().map(AdminAuth::read).or(config::adminToken);
        return new AdminAuth(token.map(AdminAuth::sha256));
    }

    boolean configured() {
        return tokenHash.isPresent();
    }

    /**
     * Lets the request through only with the right token.
     *
     * @throws HttpResponseException 403 when no token is configured; 401 (with {@code WWW-Authenticate: Bearer}) when
     *                               the request's token is missing or wrong
     */
    void require(Context ctx) {
        if (tokenHash.isEmpty()) {
            throw new HttpResponseException(403, ctx.method() + " " + ctx.path() + " is an admin route and this replica has "
                    + "no admin token: set BR2K_ADMIN_TOKEN_FILE (a file holding a random token of at least " + MIN_LENGTH
                    + " characters) or BR2K_ADMIN_TOKEN, restart the replica, and send Authorization: Bearer <token>");
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        boolean bearer = header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        byte[] given = sha256(bearer ? header.substring(BEARER.length()).strip() : "");
        if (!bearer || !MessageDigest.isEqual(given, tokenHash.get())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"br2k-admin\"");
            throw new HttpResponseException(401, ctx.method() + " " + ctx.path() + " is an admin route: "
                    + (bearer ? "the admin token is wrong" : "send Authorization: Bearer <token>")
                    + " (the token is in the file BR2K_ADMIN_TOKEN_FILE names on the replica)");
        }
    }

    private static String read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Br2kException("Cannot read the admin token file " + file + " (BR2K_ADMIN_TOKEN_FILE): " + e
                    + ". Create it with a random token (e.g. openssl rand -hex 32 > " + file + "; chmod 600 " + file + ")", e);
        }
        if (token.length() < MIN_LENGTH) {
            throw new Br2kException("The admin token file " + file + " (BR2K_ADMIN_TOKEN_FILE) holds " + token.length()
                    + " characters; put a random token of at least " + MIN_LENGTH + " characters in it (e.g. openssl rand -hex 32)");
        }
        return token;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
