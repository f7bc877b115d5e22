package dev.br2k.registry;

import dev.br2k.registry.crypto.Ecies;
import dev.br2k.registry.event.BackupAppended;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.DetailsChanged;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.ManagerChanged;
import dev.br2k.registry.event.ManagerTransferStarted;
import dev.br2k.registry.event.OperatorChanged;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.ReplicaCountChanged;
import dev.br2k.registry.event.RunStateChanged;
import dev.br2k.registry.event.ServiceRegistered;
import dev.br2k.registry.event.Subscription;
import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every registry function against a real anvil node: it works, and it emits its event. */
class RegistryClientIT {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static RegistryClient manager;
    private static RegistryClient operator;
    private static RegistryClient stranger;
    private static Credentials serviceAccount;

    @BeforeAll
    static void deployRegistry() {
        manager = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(0))
                .pollingInterval(Duration.ofMillis(100)).deploy();
        operator = client(anvil.account(1));
        stranger = client(anvil.account(2));
        serviceAccount = anvil.account(1);
    }

    @AfterAll
    static void closeClients() {
        for (RegistryClient c : new RegistryClient[] {manager, operator, stranger}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static RegistryClient client(Credentials credentials) {
        return RegistryClient.builder().rpcUrl(anvil.rpcUrl()).registryAddress(manager.registryAddress())
                .credentials(credentials).pollingInterval(Duration.ofMillis(100)).build();
    }

    private static String uniqueName() {
        return "svc-" + NAMES.incrementAndGet();
    }

    private static ServiceId registerService() {
        return manager.register(ServiceRegistration.builder(uniqueName()).replicas(2, 4).build()).id();
    }

    /** The events of {@code id} in {@code block}, read back from the chain. */
    private static List<RegistryEvent> replay(ServiceId id, long block) {
        return stranger.pastEvents(EventQuery.builder().service(id).fromBlock(block).build(), block);
    }

    @Test
    void register_stores_the_service_and_emits_registered_details_and_location() {
        byte[] contextHash = org.web3j.crypto.Hash.sha256("context: sandbox".getBytes(StandardCharsets.UTF_8));
        byte[] credentials = Ecies.encrypt(serviceAccount, "{\"user\":\"ci\",\"password\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8));
        ServiceRegistration registration = ServiceRegistration.builder(uniqueName())
                .description("User information by DID")
                .location("http://10.0.0.7:8080")
                .replicas(3, 5)
                .context(contextHash, "file:/etc/br2k/contexts/sandbox.yaml")
                .image("127.0.0.1:5000/infodid:1.0", credentials)
                .build();

        Registered registered = manager.register(registration);

        assertThat(registered.id()).isEqualTo(ServiceId.ofName(registration.details().name()));
        ServiceInfo info = manager.service(registered.id());
        assertThat(info.details()).isEqualTo(registration.details());
        assertThat(info.location()).isEqualTo("http://10.0.0.7:8080");
        assertThat(info.manager()).isEqualTo(manager.account());
        assertThat(info.deployer()).isEqualTo(manager.account());
        assertThat(info.pendingManager()).isEmpty();
        assertThat(info.runState()).isEqualTo(RunState.STOPPED);
        assertThat(info.replicaCount()).isEqualTo(3);
        assertThat(info.maxReplicas()).isEqualTo(5);
        assertThat(info.operators()).isEmpty();
        assertThat(info.backupCount()).isZero();
        assertThat(info.lastBackupBlock()).isEmpty();
        assertThat(manager.isRegistered(registered.id())).isTrue();
        assertThat(new String(Ecies.decrypt(serviceAccount, info.details().imageCredentials()), StandardCharsets.UTF_8))
                .contains("s3cret");

        List<RegistryEvent> events = replay(registered.id(), registered.receipt().blockNumber());
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(ServiceRegistered.class, e -> {
            assertThat(e.name()).isEqualTo(registration.details().name());
            assertThat(e.deployer()).isEqualTo(manager.account());
            assertThat(e.replicaCount()).isEqualTo(3);
            assertThat(e.maxReplicas()).isEqualTo(5);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(DetailsChanged.class, e -> {
            assertThat(e.details()).isEqualTo(registration.details());
            assertThat(e.previousChange()).isEmpty();
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(LocationChanged.class,
                e -> assertThat(e.location()).isEqualTo("http://10.0.0.7:8080"));
    }

    @Test
    void a_service_registered_without_location_has_an_empty_location_and_no_location_event() {
        Registered registered = manager.register(ServiceRegistration.builder(uniqueName()).build());

        assertThat(manager.serviceLocation(registered.id())).isEmpty();
        assertThat(replay(registered.id(), registered.receipt().blockNumber()))
                .noneMatch(e -> e instanceof LocationChanged);
    }

    @Test
    void update_location_changes_get_service_location_and_notifies_subscribers() {
        ServiceId id = registerService();
        List<LocationChanged> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = stranger.onNewLocation(id, seen::add)) {
            manager.setLocation(id, "http://10.0.0.8:8080");
            manager.setLocation(id, "http://10.0.0.9:8080");

            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).extracting(LocationChanged::location)
                    .containsExactly("http://10.0.0.8:8080", "http://10.0.0.9:8080"));
        }
        assertThat(stranger.serviceLocation(id)).isEqualTo("http://10.0.0.9:8080");
        assertThat(seen.get(0).by()).isEqualTo(manager.account());
    }

    @Test
    void setting_the_current_value_again_succeeds_without_an_event() {
        ServiceId id = registerService();
        manager.setLocation(id, "http://same");

        RegistryReceipt again = manager.setLocation(id, "http://same");
        RegistryReceipt sameCount = manager.setReplicaCount(id, 2);
        RegistryReceipt sameState = manager.setRunState(id, RunState.STOPPED);

        assertThat(replay(id, again.blockNumber())).isEmpty();
        assertThat(replay(id, sameCount.blockNumber())).isEmpty();
        assertThat(replay(id, sameState.blockNumber())).isEmpty();
    }

    @Test
    void set_run_state_stores_the_state_and_emits_it() {
        ServiceId id = registerService();

        RegistryReceipt receipt = manager.setRunState(id, RunState.DEGRADED);

        assertThat(manager.service(id).runState()).isEqualTo(RunState.DEGRADED);
        assertThat(replay(id, receipt.blockNumber())).singleElement().isInstanceOfSatisfying(RunStateChanged.class, e -> {
            assertThat(e.state()).isEqualTo(RunState.DEGRADED);
            assertThat(e.by()).isEqualTo(manager.account());
        });
    }

    @Test
    void set_replica_count_within_the_maximum_is_stored_and_emitted() {
        ServiceId id = registerService();
        List<ReplicaCountChanged> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = manager.onReplicaCount(id, seen::add)) {
            manager.setReplicaCount(id, 4);
            manager.setReplicaCount(id, 1);

            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).extracting(ReplicaCountChanged::replicaCount)
                    .containsExactly(4, 1));
        }
        assertThat(seen).allSatisfy(e -> assertThat(e.maxReplicas()).isEqualTo(4));
        assertThat(manager.service(id).replicaCount()).isEqualTo(1);
    }

    @Test
    void set_replica_count_above_the_maximum_or_below_one_is_refused_with_the_limits() {
        ServiceId id = registerService();

        assertThatThrownBy(() -> manager.setReplicaCount(id, 5))
                .isInstanceOfSatisfying(ReplicaCountOutOfRangeException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("ReplicaCountOutOfRange");
                    assertThat(e.arguments()).containsExactly(
                            org.assertj.core.api.Assertions.entry("id", id.hex()),
                            org.assertj.core.api.Assertions.entry("requested", java.math.BigInteger.valueOf(5)),
                            org.assertj.core.api.Assertions.entry("maxReplicas", java.math.BigInteger.valueOf(4)));
                });
        assertThatThrownBy(() -> manager.setReplicaCount(id, 0))
                .isInstanceOfSatisfying(ReplicaCountOutOfRangeException.class,
                        e -> assertThat(e.argument("requested")).isEqualTo(java.math.BigInteger.ZERO));
        assertThat(manager.service(id).replicaCount()).isEqualTo(2);
    }

    @Test
    void set_max_replicas_changes_the_limit_but_never_below_the_current_count() {
        ServiceId id = registerService();

        RegistryReceipt receipt = manager.setMaxReplicas(id, 7);

        assertThat(manager.service(id).maxReplicas()).isEqualTo(7);
        assertThat(replay(id, receipt.blockNumber())).singleElement().isEqualTo(
                new ReplicaCountChanged(id, 2, 7, replay(id, receipt.blockNumber()).get(0).position()));
        assertThatThrownBy(() -> manager.setMaxReplicas(id, 1))
                .isInstanceOfSatisfying(ReplicaCountOutOfRangeException.class,
                        e -> assertThat(e.errorName()).isEqualTo("MaxReplicasBelowReplicaCount"));
    }

    @Test
    void registering_with_a_replica_count_above_the_maximum_is_refused_before_sending() {
        assertThatThrownBy(() -> ServiceRegistration.builder("x").replicas(3, 2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replicaCount");
    }

    @Test
    void append_backup_log_keeps_an_encrypted_log_readable_newest_first() {
        ServiceId id = registerService();
        List<BackupAppended> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = manager.onBackup(id, seen::add)) {
            for (int version = 2; version <= 4; version++) {
                manager.appendBackupLog(id, Ecies.encrypt(serviceAccount, ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8)));
            }
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).hasSize(3));
        }

        assertThat(seen).extracting(BackupAppended::sequence).containsExactly(1L, 2L, 3L);
        assertThat(manager.service(id).backupCount()).isEqualTo(3);
        BackupAppended newest = manager.latestBackup(id).orElseThrow();
        assertThat(newest.sequence()).isEqualTo(3);
        assertThat(new String(newest.decrypt(serviceAccount), StandardCharsets.UTF_8)).isEqualTo("{\"version\":4}");
        List<BackupAppended> history = manager.backups(id, 10);
        assertThat(history).extracting(BackupAppended::sequence).containsExactly(3L, 2L, 1L);
        assertThat(history.get(0).previousChange()).hasValue(history.get(1).position().blockNumber());
        assertThat(history.get(2).previousChange()).isEmpty();
        assertThat(manager.backups(id, 2)).extracting(BackupAppended::sequence).containsExactly(3L, 2L);
        assertThat(manager.blockTimestamp(newest.position().blockNumber())).hasValueSatisfying(t ->
                assertThat(t).isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now().plusSeconds(600)));
    }

    @Test
    void a_service_without_backups_has_no_latest_backup() {
        ServiceId id = registerService();

        assertThat(manager.latestBackup(id)).isEmpty();
        assertThat(manager.backups(id, 5)).isEmpty();
    }

    @Test
    void anyone_may_send_a_claim_and_the_manager_sees_it() {
        ServiceId id = registerService();
        List<ClaimSent> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = manager.onClaim(id, seen::add)) {
            stranger.sendClaim(id, "no answer from http://10.0.0.7:8080 since 10:02");
            operator.sendClaim(id, "still down");
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).hasSize(2));
        }

        assertThat(seen.get(0).claimant()).isEqualTo(stranger.account());
        assertThat(seen.get(0).reason()).isEqualTo("no answer from http://10.0.0.7:8080 since 10:02");
        assertThat(manager.claims(id, 10)).extracting(ClaimSent::reason)
                .containsExactly("still down", "no answer from http://10.0.0.7:8080 since 10:02");
        assertThat(manager.service(id).lastClaimBlock()).hasValue(seen.get(1).position().blockNumber());
    }

    @Test
    void an_approved_operator_may_publish_location_backups_and_run_state_but_not_more() {
        ServiceId id = registerService();

        RegistryReceipt approval = manager.setOperator(id, operator.account(), true);
        operator.updateLocation(id, "http://leader-2:8080", new LocationTerm(CLUSTER, 2, 10));
        operator.appendBackupLog(id, Ecies.encrypt(serviceAccount, new byte[] {1}));
        operator.setRunState(id, RunState.RUNNING);

        assertThat(replay(id, approval.blockNumber())).singleElement()
                .isEqualTo(new OperatorChanged(id, operator.account(), true, replay(id, approval.blockNumber()).get(0).position()));
        ServiceInfo info = manager.service(id);
        assertThat(info.operators()).containsExactly(operator.account());
        assertThat(manager.isOperator(id, operator.account())).isTrue();
        assertThat(info.location()).isEqualTo("http://leader-2:8080");
        assertThat(info.runState()).isEqualTo(RunState.RUNNING);
        assertThat(info.backupCount()).isEqualTo(1);
        assertThatThrownBy(() -> operator.setReplicaCount(id, 3)).isInstanceOf(RegistryAccessDeniedException.class);
    }

    @Test
    void a_revoked_operator_is_refused_again() {
        ServiceId id = registerService();
        manager.setOperator(id, operator.account(), true);
        manager.setOperator(id, anvil.account(3).getAddress(), true);

        RegistryReceipt revocation = manager.setOperator(id, operator.account(), false);

        assertThat(replay(id, revocation.blockNumber())).singleElement().isInstanceOfSatisfying(OperatorChanged.class,
                e -> assertThat(e.approved()).isFalse());
        assertThat(manager.operators(id)).containsExactly(anvil.account(3).getAddress());
        assertThatThrownBy(() -> operator.updateLocation(id, "http://x", new LocationTerm(CLUSTER, 2, 10)))
                .isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                        e -> assertThat(e.errorName()).isEqualTo("CallerNotManagerOrOperator"));
    }

    @Test
    void set_details_replaces_the_details_and_keeps_their_history() {
        ServiceId id = registerService();
        ServiceDetails first = manager.service(id).details();
        ServiceDetails second = first.toBuilder().description("v2").image("127.0.0.1:5000/svc:2", new byte[] {9, 9}).build();

        RegistryReceipt receipt = manager.setDetails(second);

        assertThat(manager.service(id).details()).isEqualTo(second);
        List<DetailsChanged> history = manager.detailsHistory(id, 10);
        assertThat(history).extracting(DetailsChanged::details).containsExactly(second, first);
        assertThat(history.get(0).position().blockNumber()).isEqualTo(receipt.blockNumber());
        assertThat(history.get(0).previousChange()).hasValue(history.get(1).position().blockNumber());
    }

    @Test
    void manager_transfer_takes_two_steps_and_moves_the_service_between_listings() {
        ServiceId id = registerService();
        RegistryClient newManager = operator;

        RegistryReceipt proposal = manager.transferManager(id, newManager.account());

        assertThat(manager.service(id).pendingManager()).hasValue(newManager.account());
        assertThat(manager.service(id).manager()).isEqualTo(manager.account());
        assertThat(replay(id, proposal.blockNumber())).singleElement().isInstanceOfSatisfying(ManagerTransferStarted.class,
                e -> assertThat(e.pendingManager()).hasValue(newManager.account()));
        assertThatThrownBy(() -> stranger.acceptManager(id)).isInstanceOfSatisfying(RegistryAccessDeniedException.class,
                e -> assertThat(e.errorName()).isEqualTo("CallerNotPendingManager"));

        RegistryReceipt acceptance = newManager.acceptManager(id);

        ServiceInfo info = manager.service(id);
        assertThat(info.manager()).isEqualTo(newManager.account());
        assertThat(info.pendingManager()).isEmpty();
        assertThat(info.deployer()).isEqualTo(manager.account());
        assertThat(manager.managedBy(manager.account())).doesNotContain(id);
        assertThat(manager.managedBy(newManager.account())).contains(id);
        assertThat(replay(id, acceptance.blockNumber())).singleElement().isEqualTo(
                new ManagerChanged(id, manager.account(), newManager.account(), replay(id, acceptance.blockNumber()).get(0).position()));
        assertThatThrownBy(() -> manager.setReplicaCount(id, 3)).isInstanceOf(RegistryAccessDeniedException.class);
        newManager.setReplicaCount(id, 3);
    }

    @Test
    void a_proposed_transfer_can_be_cancelled() {
        ServiceId id = registerService();
        manager.transferManager(id, operator.account());

        RegistryReceipt cancel = manager.cancelManagerTransfer(id);

        assertThat(manager.service(id).pendingManager()).isEmpty();
        assertThat(replay(id, cancel.blockNumber())).singleElement().isInstanceOfSatisfying(ManagerTransferStarted.class,
                e -> assertThat(e.pendingManager()).isEmpty());
        assertThatThrownBy(() -> operator.acceptManager(id)).isInstanceOf(RegistryAccessDeniedException.class);
    }

    @Test
    void the_batched_listing_reads_every_service_as_reading_it_alone_does() {
        try (RegistryClient fresh = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(7)).deploy()) {
            List<ServiceId> ids = new java.util.ArrayList<>();
            for (String name : List.of("echo", "foxtrot", "golf", "hotel")) {
                ids.add(fresh.register(ServiceRegistration.builder(name).replicas(2, 5).build()).id());
            }
            fresh.setOperator(ids.get(0), anvil.account(8).getAddress(), true);
            ServiceDetails changed = fresh.service(ids.get(1)).details().toBuilder().description("second version").build();
            fresh.setDetails(changed);
            fresh.setLocation(ids.get(2), "http://127.0.0.1:8181");
            fresh.setReplicaCount(ids.get(3), 5);

            List<ServiceInfo> listed = fresh.servicesManagedBy(fresh.account());

            assertThat(listed).extracting(ServiceInfo::name).containsExactly("echo", "foxtrot", "golf", "hotel");
            assertThat(listed).extracting(ServiceInfo::readAtBlock).containsOnly(listed.get(0).readAtBlock());
            for (ServiceInfo info : listed) {
                assertThat(info).usingRecursiveComparison().ignoringFields("readAtBlock").isEqualTo(fresh.service(info.id()));
            }
            assertThat(listed.get(0).operators()).containsExactly(anvil.account(8).getAddress().toLowerCase(java.util.Locale.ROOT));
            assertThat(listed.get(1).details()).isEqualTo(changed);
            assertThat(listed.get(2).location()).isEqualTo("http://127.0.0.1:8181");
            assertThat(listed.get(3).replicaCount()).isEqualTo(5);
        }
    }

    @Test
    void listing_returns_exactly_the_services_an_account_manages() {
        try (RegistryClient fresh = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(4)).deploy();
             RegistryClient other = RegistryClient.connect(anvil.rpcUrl(), fresh.registryAddress(), anvil.account(5))) {
            ServiceId a = fresh.register(ServiceRegistration.builder("alpha").build()).id();
            ServiceId b = fresh.register(ServiceRegistration.builder("bravo").build()).id();
            ServiceId c = other.register(ServiceRegistration.builder("charlie").build()).id();
            ServiceId d = fresh.register(ServiceRegistration.builder("delta").build()).id();
            fresh.transferManager(b, other.account());
            other.acceptManager(b);

            assertThat(fresh.managedBy(fresh.account())).containsExactlyInAnyOrder(a, d);
            assertThat(fresh.managedBy(other.account())).containsExactlyInAnyOrder(c, b);
            assertThat(fresh.managedBy(anvil.account(6).getAddress())).isEmpty();
            assertThat(fresh.servicesManagedBy(other.account())).extracting(ServiceInfo::name).containsExactly("bravo", "charlie");
        }
    }

    @Test
    void a_subscription_to_all_events_sees_every_change_in_chain_order_and_stops_when_closed() {
        List<RegistryEvent> seen = new CopyOnWriteArrayList<>();
        ServiceId id;
        try (Subscription s = stranger.subscribe(EventQuery.ALL, seen::add)) {
            id = registerService();
            manager.setLocation(id, "http://all-events");
            manager.setReplicaCount(id, 3);
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).filteredOn(e -> e.serviceId().equals(id))
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("ServiceRegistered", "DetailsChanged", "LocationChanged", "ReplicaCountChanged"));
            assertThat(s.isActive()).isTrue();
            s.close();
            assertThat(s.isActive()).isFalse();
        }
        int before = seen.size();
        RegistryReceipt after = manager.setLocation(id, "http://after-close");
        replay(id, after.blockNumber()); // the chain has the event...
        assertThat(seen).hasSize(before); // ...but the closed subscription did not deliver it
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.comparing(RegistryEvent::position));
    }

    @Test
    void a_subscription_from_an_earlier_block_replays_history_first_in_chain_order() {
        ServiceId id = registerService();
        long first = manager.setLocation(id, "http://one").blockNumber();
        manager.setLocation(id, "http://two");
        List<String> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = stranger.subscribe(EventQuery.builder().service(id).kinds(LocationChanged.class).fromBlock(first).build(),
                e -> seen.add(((LocationChanged) e).location()))) {
            manager.setLocation(id, "http://three");
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertThat(seen).containsExactly("http://one", "http://two", "http://three"));
        }
    }

    @Test
    void the_events_flowable_delivers_and_cancelling_it_unsubscribes() {
        ServiceId id = registerService();
        List<RegistryEvent> seen = new CopyOnWriteArrayList<>();

        var disposable = stranger.events(EventQuery.builder().service(id).kinds(LocationChanged.class).build())
                .subscribe(seen::add);
        try {
            manager.setLocation(id, "http://flowable");
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).singleElement()
                    .isInstanceOfSatisfying(LocationChanged.class, e -> assertThat(e.location()).isEqualTo("http://flowable")));
        } finally {
            disposable.dispose();
        }
    }

    @Test
    void a_listener_that_throws_keeps_receiving_events() {
        ServiceId id = registerService();
        List<String> seen = new CopyOnWriteArrayList<>();

        try (Subscription s = stranger.onNewLocation(id, e -> {
            seen.add(e.location());
            throw new IllegalStateException("listener bug");
        })) {
            manager.setLocation(id, "http://one");
            manager.setLocation(id, "http://two");
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(seen).containsExactly("http://one", "http://two"));
        }
    }

    @Test
    void a_client_without_an_account_reads_but_cannot_write() {
        ServiceId id = registerService();
        try (RegistryClient readOnly = RegistryClient.connectReadOnly(anvil.rpcUrl(), manager.registryAddress())) {
            assertThat(readOnly.service(id).replicaCount()).isEqualTo(2);
            assertThatThrownBy(() -> readOnly.sendClaim(id, "x"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no credentials");
        }
    }

    @Test
    void reading_an_unknown_service_says_it_is_not_registered() {
        ServiceId unknown = ServiceId.ofName("never-registered");

        assertThat(manager.isRegistered(unknown)).isFalse();
        assertThat(manager.findService(unknown)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> manager.service(unknown)).isInstanceOfSatisfying(ServiceNotFoundException.class,
                e -> assertThat(e.argument("id")).isEqualTo(unknown.hex()));
        assertThatThrownBy(() -> manager.serviceLocation(unknown)).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void connecting_to_an_address_without_a_contract_or_to_no_node_fails_with_a_clear_message() {
        assertThatThrownBy(() -> RegistryClient.connect(anvil.rpcUrl(), anvil.account(7).getAddress(), anvil.account(7)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no contract at");
        assertThatThrownBy(() -> RegistryClient.connect("http://127.0.0.1:1", manager.registryAddress(), anvil.account(7)))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("Check the RPC URL");
    }

    @Test
    void an_account_without_ether_is_told_to_fund_it() {
        Credentials poor = Credentials.create("0x" + "11".repeat(32));
        try (RegistryClient client = client(poor)) {
            assertThatThrownBy(() -> client.sendClaim(registerService(), "help"))
                    .isInstanceOf(RegistryTransactionException.class)
                    .hasMessageContaining("fund it");
        }
    }
}
