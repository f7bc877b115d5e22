package dev.br2k.registry;

import dev.br2k.registry.event.DetailsChanged;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of issue 20 on the registry, each replayed on a real anvil: none of them changes a
 * service, its location or its backups.
 */
class RegistrySecurityIT {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;
    private static final long NEW_CLUSTER = 0x1c2f3a5e7d900b41L;

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    private static RegistryClient previousManager;
    private static RegistryClient newManager;
    private static RegistryClient stranger;

    @BeforeAll
    static void deploy() {
        previousManager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
        newManager = RegistryClient.connect(anvil.rpcUrl(), previousManager.registryAddress(), anvil.account(1));
        stranger = RegistryClient.connect(anvil.rpcUrl(), previousManager.registryAddress(), anvil.account(2));
    }

    @AfterAll
    static void close() {
        previousManager.close();
        newManager.close();
        stranger.close();
    }

    @Test
    void operators_named_by_the_previous_manager_lose_their_rights_when_the_new_manager_accepts() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("handed-over").replicas(1, 3).build()).id();
        previousManager.setOperator(id, previousManager.account(), true);   // the old manager keeps a back door
        previousManager.setOperator(id, stranger.account(), true);
        previousManager.transferManager(id, newManager.account());

        newManager.acceptManager(id);

        assertThat(newManager.operators(id)).isEmpty();
        assertThat(newManager.isOperator(id, previousManager.account())).isFalse();
        assertThatThrownBy(() -> previousManager.updateLocation(id, "http://evil:8080", new LocationTerm(CLUSTER, 99, 999)))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CallerNotManagerOrOperator"));
        assertThatThrownBy(() -> stranger.appendBackupLog(id, new byte[] {6, 6, 6}))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CallerNotManagerOrOperator"));
        assertThat(newManager.service(id).location()).isEmpty();
        assertThat(newManager.latestBackup(id)).isEmpty();

        newManager.setOperator(id, stranger.account(), true);   // the new manager approves its own operators
        stranger.updateLocation(id, "http://leader:8080", new LocationTerm(CLUSTER, 2, 10));
        assertThat(newManager.serviceLocation(id)).isEqualTo("http://leader:8080");
    }

    @Test
    void a_leaders_location_with_an_older_term_is_refused_with_both_terms_named() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("termed").replicas(3, 5).build()).id();
        previousManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://leader-b:8080", new LocationTerm(CLUSTER, 4, 120));

        for (LocationTerm stale : new LocationTerm[] {new LocationTerm(CLUSTER, 3, 500), new LocationTerm(CLUSTER, 4, 119), new LocationTerm(CLUSTER, 4, 120)}) {
            assertThatThrownBy(() -> stranger.updateLocation(id, "http://leader-a:8080", stale))
                    .isInstanceOfSatisfying(StaleLocationTermException.class, e -> {
                        assertThat(e.errorName()).isEqualTo("StaleLocationTerm");
                        assertThat(e.stored()).isEqualTo(new LocationTerm(CLUSTER, 4, 120));
                        assertThat(e.given()).isEqualTo(stale);
                        assertThat(e.getMessage()).contains("A newer leader of the same etcd cluster already published");
                    });
        }
        stranger.updateLocation(id, "http://leader-c:8080", new LocationTerm(CLUSTER, 5, 3));   // a later etcd term wins at a lower revision

        assertThat(previousManager.serviceLocation(id)).isEqualTo("http://leader-c:8080");
        assertThat(previousManager.locationTerm(id)).isEqualTo(new LocationTerm(CLUSTER, 5, 3));
    }

    @Test
    void a_leader_of_a_new_etcd_cluster_publishes_although_its_term_counts_from_the_start() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("recovered-on-new-etcd").replicas(3, 5).build()).id();
        previousManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://old-cluster:8080", new LocationTerm(CLUSTER, 9, 4000));

        stranger.updateLocation(id, "http://new-cluster:8080", new LocationTerm(NEW_CLUSTER, 2, 6));   // no setLocation in between

        assertThat(previousManager.serviceLocation(id)).isEqualTo("http://new-cluster:8080");
        assertThat(previousManager.locationTerm(id)).isEqualTo(new LocationTerm(NEW_CLUSTER, 2, 6));
    }

    @Test
    void after_a_new_etcd_cluster_published_a_deposed_leader_of_that_cluster_is_refused_with_the_cluster_named() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("recovered-then-failed-over").replicas(3, 5).build()).id();
        previousManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://old-cluster:8080", new LocationTerm(CLUSTER, 9, 4000));
        stranger.updateLocation(id, "http://new-leader:8080", new LocationTerm(NEW_CLUSTER, 3, 40));

        for (LocationTerm stale : new LocationTerm[] {new LocationTerm(NEW_CLUSTER, 2, 90), new LocationTerm(NEW_CLUSTER, 3, 39), new LocationTerm(NEW_CLUSTER, 3, 40)}) {
            assertThatThrownBy(() -> stranger.updateLocation(id, "http://deposed:8080", stale))
                    .isInstanceOfSatisfying(StaleLocationTermException.class, e -> {
                        assertThat(e.stored()).isEqualTo(new LocationTerm(NEW_CLUSTER, 3, 40));
                        assertThat(e.given()).isEqualTo(stale);
                    });
        }
        assertThat(previousManager.serviceLocation(id)).isEqualTo("http://new-leader:8080");
    }

    @Test
    void the_managers_own_location_resets_the_term_so_a_new_deployments_leader_may_publish() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("redeployed").replicas(3, 5).build()).id();
        previousManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://old-cluster:8080", new LocationTerm(CLUSTER, 9, 4000));

        previousManager.setLocation(id, "http://maintenance:8080");

        assertThat(previousManager.locationTerm(id)).isEqualTo(LocationTerm.NONE);
        stranger.updateLocation(id, "http://new-cluster:8080", new LocationTerm(CLUSTER, 2, 6));   // a fresh etcd counts from the start
        assertThat(previousManager.serviceLocation(id)).isEqualTo("http://new-cluster:8080");
        assertThatThrownBy(() -> stranger.setLocation(id, "http://evil:8080"))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CallerNotManager"));
    }

    @Test
    void a_new_manager_starts_with_no_leader_term() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("term-handed-over").replicas(1, 3).build()).id();
        previousManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://old-manager-cluster:8080", new LocationTerm(CLUSTER, 9, 4000));
        previousManager.transferManager(id, newManager.account());

        newManager.acceptManager(id);

        assertThat(newManager.locationTerm(id)).isEqualTo(LocationTerm.NONE);
        newManager.setOperator(id, stranger.account(), true);
        stranger.updateLocation(id, "http://new-manager-cluster:8080", new LocationTerm(CLUSTER, 2, 5));
        assertThat(newManager.serviceLocation(id)).isEqualTo("http://new-manager-cluster:8080");
    }

    @Test
    void a_claim_reason_longer_than_the_cap_is_refused_on_chain() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("claimed").build()).id();

        assertThatThrownBy(() -> stranger.sendClaim(id, "x".repeat(RegistryClient.MAX_CLAIM_REASON_BYTES + 1)))
                .isInstanceOfSatisfying(RegistryRevertException.class,
                        e -> assertThat(e.errorName()).isEqualTo("ClaimReasonTooLong"));
        stranger.sendClaim(id, "x".repeat(RegistryClient.MAX_CLAIM_REASON_BYTES));
        assertThat(previousManager.claims(id, 10)).hasSize(1);
    }

    @Test
    void set_details_with_the_current_details_emits_nothing() {
        ServiceRegistration registration = ServiceRegistration.builder("unchanged").description("same").build();
        ServiceId id = previousManager.register(registration).id();
        long before = previousManager.blockNumber();

        RegistryReceipt receipt = previousManager.setDetails(registration.details());

        assertThat(receipt.blockNumber()).isGreaterThan(before);
        assertThat(previousManager.pastEvents(EventQuery.builder().service(id).kinds(DetailsChanged.class)
                .fromBlock(before + 1).build(), previousManager.blockNumber())).isEmpty();
        assertThat(previousManager.detailsHistory(id, 10)).hasSize(1);
    }

    @Test
    void a_registration_seen_on_its_way_cannot_be_taken_by_the_account_that_saw_it() {
        ServiceRegistration wanted = ServiceRegistration.builder("infodid-" + System.nanoTime()).build();
        RegistrationCommitment owners = newManager.commitRegistration(wanted);

        // the stranger copies the name and even the secret it saw in the owner's reveal
        assertThatThrownBy(() -> stranger.revealRegistration(wanted, new RegistrationCommitment(owners.id(), stranger.account(),
                owners.secret(), owners.commitment(), owners.receipt())))
                .isInstanceOfSatisfying(RegistryRevertException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CommitmentNotFound"));
        RegistrationCommitment strangers = stranger.commitRegistration(wanted);   // its own commitment is one block late
        newManager.revealRegistration(wanted, owners);
        assertThatThrownBy(() -> stranger.revealRegistration(wanted, strangers))
                .isInstanceOf(ServiceAlreadyRegisteredException.class);

        assertThat(stranger.service(wanted.id()).manager()).isEqualTo(newManager.account());
    }

    @Test
    void a_commitment_cannot_be_revealed_twice() {
        ServiceRegistration registration = ServiceRegistration.builder("once").build();
        RegistrationCommitment commitment = stranger.commitRegistration(registration);
        ServiceId id = stranger.revealRegistration(registration, commitment).id();
        stranger.release(id);

        assertThatThrownBy(() -> stranger.revealRegistration(registration, commitment))
                .isInstanceOfSatisfying(RegistryRevertException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CommitmentNotFound"));
    }

    @Test
    void a_released_name_can_be_registered_by_someone_else_and_starts_with_no_operators() {
        ServiceId id = previousManager.register(ServiceRegistration.builder("released").location("http://old:8080").build()).id();
        previousManager.setOperator(id, previousManager.account(), true);
        assertThatThrownBy(() -> stranger.release(id))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CallerNotManager"));

        previousManager.release(id);

        assertThat(stranger.isRegistered(id)).isFalse();
        assertThat(previousManager.managedBy(previousManager.account())).doesNotContain(id);
        stranger.register(ServiceRegistration.builder("released").build());
        assertThat(stranger.service(id).manager()).isEqualTo(stranger.account());
        assertThat(stranger.service(id).location()).isEmpty();
        assertThat(stranger.operators(id)).isEmpty();
        assertThatThrownBy(() -> previousManager.updateLocation(id, "http://evil:8080", new LocationTerm(CLUSTER, 99, 999)))
                .isInstanceOf(RegistryAccessDeniedException.class);
    }
}
