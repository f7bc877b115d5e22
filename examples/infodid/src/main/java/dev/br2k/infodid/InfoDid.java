package dev.br2k.infodid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.infodid.auth.Authenticator;
import dev.br2k.infodid.auth.ForbiddenResponse;
import dev.br2k.infodid.store.ProfileStore;
import dev.br2k.infodid.store.SqliteStateHooks;
import dev.br2k.protocol.Role;
import dev.br2k.replication.BadRequestResponse;
import dev.br2k.replication.Br2kApp;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.Br2kContext;
import dev.br2k.replication.Handler;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.NotFoundResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The InfoDID service: user profiles kept by BR2K replicas, each replica in its own SQLite database.
 *
 * <pre>{@code
 * try (InfoDid infodid = InfoDid.create(config -> config.serviceName("infodid").replicaId("r1")
 *         .etcdEndpoints("http://127.0.0.1:2379").stateDir(Path.of("state/r1"))).start()) {
 *     ...
 * }
 * }</pre>
 *
 * <h2>Routes</h2>
 * Every request is signed by a did:ethr user ({@link dev.br2k.infodid.auth.SignedRequest}). Paths take
 * an address or a DID as {@code {owner}} and {@code {reader}}.
 * <table>
 * <tr><th>route</th><th>BR2K type</th><th>who signs</th><th>what</th></tr>
 * <tr><td>PUT /profiles/{owner}</td><td>replicate</td><td>owner</td><td>create or replace the profile</td></tr>
 * <tr><td>DELETE /profiles/{owner}</td><td>replicate</td><td>owner</td><td>delete profile and consents</td></tr>
 * <tr><td>GET /profiles/{owner}</td><td>only-once</td><td>owner</td><td>read one's own profile</td></tr>
 * <tr><td>PUT /profiles/{owner}/consents/{reader}</td><td>replicate</td><td>owner</td><td>let reader read, optionally {@code until}</td></tr>
 * <tr><td>DELETE /profiles/{owner}/consents/{reader}</td><td>replicate</td><td>owner</td><td>revoke</td></tr>
 * <tr><td>GET /profiles/{owner}/consents</td><td>only-once</td><td>owner</td><td>list consents</td></tr>
 * <tr><td>POST /profiles/{owner}/reads</td><td>replicate</td><td>reader</td><td>a consented third-party read; logged on every replica</td></tr>
 * <tr><td>GET /profiles/{owner}/reads</td><td>only-once</td><td>owner</td><td>who read the profile, when</td></tr>
 * <tr><td>POST /txlog</td><td>external-txn</td><td>anyone</td><td>record a chain transaction the user made</td></tr>
 * </table>
 * A third party's read is a replicated write, not a read: it changes state (the read log), and the log
 * must survive the leader.
 */
public final class InfoDid implements AutoCloseable {
    private final Br2kApp app;
    private final ProfileStore store;
    private final Authenticator auth = new Authenticator();
    private final BooleanSupplier failWrites;

    private InfoDid(Br2kApp app, ProfileStore store, BooleanSupplier failWrites) {
        this.app = app;
        this.store = store;
        this.failWrites = failWrites;
        routes();
    }

    /**
     * Creates the service; {@code configurer} fills in the replica's {@link Br2kConfig} (service name,
     * replica id, etcd endpoints, state directory). The database is opened in the state directory and
     * backed up with SQLite's own tools.
     */
    public static InfoDid create(Consumer<Br2kConfig> configurer) {
        return create(configurer, () -> false);
    }

    /**
     * <b>Test only</b> (the robustness experiment's fault "a follower whose handler fails"): as
     * {@link #create(Consumer)}, but every replicated handler throws while {@code failWrites} says so,
     * before it touches the database. {@link InfoDidMain} never calls this; no variable or setting
     * turns it on in a deployed InfoDID.
     */
    public static InfoDid createFailingWritesWhile(Consumer<Br2kConfig> configurer, BooleanSupplier failWrites) {
        return create(configurer, Objects.requireNonNull(failWrites, "failWrites"));
    }

    private static InfoDid create(Consumer<Br2kConfig> configurer, BooleanSupplier failWrites) {
        Objects.requireNonNull(configurer, "configurer");
        ProfileStore[] store = new ProfileStore[1];
        Br2kApp app = Br2kApp.create(config -> {
            configurer.accept(config);
            if (config.stateDir() == null) {
                throw new IllegalStateException("InfoDID needs a state directory: set stateDir (BR2K_STATE_DIR)");
            }
            store[0] = ProfileStore.open(config.stateDir());
            config.stateHooks(new SqliteStateHooks(store[0]));
        });
        return new InfoDid(app, store[0], failWrites);
    }

    public InfoDid start() {
        app.start();
        return this;
    }

    /** This replica's URL. */
    public URI url() {
        return app.url();
    }

    public Role role() {
        return app.role();
    }

    /** This replica's database (tests compare replicas through it). */
    public ProfileStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            store.close();
        }
    }

    private void routes() {
        app.replicate(HttpMethod.PUT, "/profiles/{owner}", failing(this::putProfile));
        app.replicate(HttpMethod.DELETE, "/profiles/{owner}", failing(this::deleteProfile));
        app.onlyOnce(HttpMethod.GET, "/profiles/{owner}", this::getProfile);
        app.replicate(HttpMethod.PUT, "/profiles/{owner}/consents/{reader}", failing(this::grantConsent));
        app.replicate(HttpMethod.DELETE, "/profiles/{owner}/consents/{reader}", failing(this::revokeConsent));
        app.onlyOnce(HttpMethod.GET, "/profiles/{owner}/consents", this::listConsents);
        app.replicate(HttpMethod.POST, "/profiles/{owner}/reads", failing(this::readAsThirdParty));
        app.onlyOnce(HttpMethod.GET, "/profiles/{owner}/reads", this::listReads);
        app.externalTxn(HttpMethod.POST, "/txlog", this::checkTransaction);
    }

    /** The handler, preceded by the test-only failure of {@link #createFailingWritesWhile}. */
    private Handler failing(Handler handler) {
        return ctx -> {
            if (failWrites.getAsBoolean()) {
                throw new IllegalStateException("test hook: this replica's replicated handlers are made to fail");
            }
            handler.handle(ctx);
        };
    }

    private void putProfile(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        ProfileDraft draft = Bodies.profile(ctx.body());
        Profile saved = store.inTransaction(s -> {
            requireOwner(auth.authenticateWrite(ctx, s), owner);
            return s.putProfile(owner, draft, ctx.timestamp());
        });
        ctx.json(Views.profile(saved));
    }

    private void deleteProfile(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        boolean deleted = store.inTransaction(s -> {
            requireOwner(auth.authenticateWrite(ctx, s), owner);
            return s.deleteProfile(owner);
        });
        ctx.json(Map.of("deleted", deleted));
    }

    private void getProfile(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        requireOwner(auth.authenticateRead(ctx), owner);
        ctx.json(Views.profile(store.profile(owner).orElseThrow(() -> noProfile(owner))));
    }

    private void grantConsent(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        Did reader = did(ctx, "reader");
        JsonNode body = Bodies.json(ctx.body());
        var until = Bodies.instant(body, "until");
        Consent consent = store.inTransaction(s -> {
            requireOwner(auth.authenticateWrite(ctx, s), owner);
            if (s.profile(owner).isEmpty()) {
                throw noProfile(owner);
            }
            return s.putConsent(owner, reader, ctx.timestamp(), until);
        });
        ctx.json(Views.consent(consent));
    }

    private void revokeConsent(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        Did reader = did(ctx, "reader");
        boolean revoked = store.inTransaction(s -> {
            requireOwner(auth.authenticateWrite(ctx, s), owner);
            return s.deleteConsent(owner, reader);
        });
        ctx.json(Map.of("revoked", revoked));
    }

    private void listConsents(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        requireOwner(auth.authenticateRead(ctx), owner);
        ctx.json(Views.consents(store.consents(owner)));
    }

    private void readAsThirdParty(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        Profile profile = store.inTransaction(s -> {
            Did reader = auth.authenticateWrite(ctx, s);
            Instant now = ctx.timestamp();
            Profile p = s.profile(owner).orElseThrow(() -> noProfile(owner));
            if (!reader.equals(owner)) {
                Consent consent = s.consent(owner, reader).orElseThrow(() -> new ForbiddenResponse(
                        owner + " has not consented to reads by " + reader + ": ask the owner to grant consent"));
                if (!consent.allows(now)) {
                    throw new ForbiddenResponse("the consent of " + owner + " for " + reader + " ended at "
                            + consent.until().orElseThrow() + ": ask the owner to renew it");
                }
            }
            s.logRead(owner, reader, now, ctx.requestId());
            return p;
        });
        ctx.json(Views.profile(profile));
    }

    private void listReads(Br2kContext ctx) throws Exception {
        Did owner = did(ctx, "owner");
        requireOwner(auth.authenticateRead(ctx), owner);
        ctx.json(Views.reads(store.reads(owner)));
    }

    /** Validates a transaction record before it is logged; nothing processes it afterwards. */
    private void checkTransaction(Br2kContext ctx) {
        auth.signer(ctx);
        JsonNode body = Bodies.json(ctx.body());
        String hash = Bodies.optionalText(body, "txHash").orElseThrow(() -> new BadRequestResponse("txHash is missing"));
        if (!hash.matches("0x[0-9a-fA-F]{64}")) {
            throw new BadRequestResponse("txHash must be 0x and 64 hex digits, was '" + hash + "'");
        }
        ctx.json(Map.of("logged", hash));
    }

    private static Did did(Br2kContext ctx, String param) {
        try {
            return Did.of(ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(param + ": " + e.getMessage());
        }
    }

    private static void requireOwner(Did signer, Did owner) {
        if (!signer.equals(owner)) {
            throw new ForbiddenResponse("only " + owner + " may do this; the request was signed by " + signer);
        }
    }

    private static NotFoundResponse noProfile(Did owner) {
        return new NotFoundResponse(owner + " has no profile");
    }
}
