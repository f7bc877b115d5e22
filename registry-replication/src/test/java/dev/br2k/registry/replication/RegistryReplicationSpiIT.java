package dev.br2k.registry.replication;

import dev.br2k.registry.LocationTerm;
import dev.br2k.registry.RegistryAccessDeniedException;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.registry.StaleLocationTermException;
import dev.br2k.registry.crypto.DecryptionFailedException;
import dev.br2k.registry.crypto.Ecies;
import dev.br2k.replication.BackupVerificationException;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.replication.location.StaleLeaderTermException;
import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** core-replication's LocationPublisher and BackupLog, implemented on the registry. */
class RegistryReplicationSpiIT {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    static final String ARTIFACT_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

    private static RegistryClient manager;
    private static RegistryClient replicas;
    private static Credentials serviceAccount;

    @BeforeAll
    static void registerServiceWithItsServiceAccountAsOperator() {
        serviceAccount = anvil.account(1);
        manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
        replicas = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), serviceAccount);
        for (String name : List.of("kv", "empty", "tampered", "forged", "unsigned", "orphan")) {
            ServiceId id = manager.register(ServiceRegistration.builder(name).replicas(3, 5).build()).id();
            manager.setOperator(id, serviceAccount.getAddress(), true);
        }
    }

    @AfterAll
    static void close() {
        manager.close();
        replicas.close();
    }

    @Test
    void the_leader_publishes_its_url_as_the_service_location() throws Exception {
        new RegistryLocationPublisher(replicas).publish("kv", URI.create("http://127.0.0.1:18080"), new LeaderTerm(CLUSTER, 2, 9));

        assertThat(manager.serviceLocation(ServiceId.ofName("kv"))).isEqualTo("http://127.0.0.1:18080");
    }

    @Test
    void a_deposed_leaders_late_publish_is_refused_before_signing_and_the_new_leaders_location_stays() throws Exception {
        ServiceId id = manager.register(ServiceRegistration.builder("raced").replicas(3, 5).build()).id();
        manager.setOperator(id, serviceAccount.getAddress(), true);
        RegistryLocationPublisher newLeader = new RegistryLocationPublisher(replicas);
        RegistryLocationPublisher deposedLeader = new RegistryLocationPublisher(replicas);   // the same service account
        newLeader.publish("raced", URI.create("http://new-leader:8080"), new LeaderTerm(CLUSTER, 3, 41));
        long blockBefore = manager.blockNumber();

        assertThatThrownBy(() -> deposedLeader.publish("raced", URI.create("http://deposed-leader:8080"), new LeaderTerm(CLUSTER, 2, 77)))
                .isInstanceOfSatisfying(StaleLeaderTermException.class, e -> {
                    assertThat(e.stored()).isEqualTo(new LeaderTerm(CLUSTER, 3, 41));
                    assertThat(e.given()).isEqualTo(new LeaderTerm(CLUSTER, 2, 77));
                    assertThat(e.getCause()).isInstanceOfSatisfying(StaleLocationTermException.class,
                            revert -> assertThat(revert.errorName()).isEqualTo("StaleLocationTerm"));
                })
                .hasMessageContaining("A newer leader already published");

        assertThat(manager.blockNumber()).as("nothing was sent: the refusal was simulated").isEqualTo(blockBefore);
        assertThat(manager.serviceLocation(id)).isEqualTo("http://new-leader:8080");
        assertThat(manager.locationTerm(id)).isEqualTo(new LocationTerm(CLUSTER, 3, 41));
    }

    @Test
    void two_leaders_publishing_at_once_leave_the_newer_leaders_location_whatever_the_order() throws Exception {
        ServiceId id = manager.register(ServiceRegistration.builder("race").replicas(3, 5).build()).id();
        manager.setOperator(id, serviceAccount.getAddress(), true);
        for (int r = 0; r < 4; r++) {
            final int round = r;
            long newer = 10L * (round + 1);
            LeaderTerm older = new LeaderTerm(CLUSTER, newer, 100 * newer);
            LeaderTerm newest = new LeaderTerm(CLUSTER, newer, 100 * newer + 1);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<?> deposed = two.submit(() -> publishWhen(start, "race", "http://deposed:" + round, older));
                Future<?> elected = two.submit(() -> publishWhen(start, "race", "http://elected:" + round, newest));
                start.countDown();
                elected.get(60, TimeUnit.SECONDS);
                try {
                    deposed.get(60, TimeUnit.SECONDS);   // landed first, then overwritten by the newer leader
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StaleLeaderTermException.class);   // came second and lost
                }
            } finally {
                two.shutdownNow();
            }

            assertThat(manager.serviceLocation(id)).isEqualTo("http://elected:" + round);
            assertThat(manager.locationTerm(id)).isEqualTo(new LocationTerm(CLUSTER, newest.etcdTerm(), newest.revision()));
        }
    }

    private static Void publishWhen(CountDownLatch start, String service, String url, LeaderTerm term) throws Exception {
        start.await();
        new RegistryLocationPublisher(replicas).publish(service, URI.create(url), term);
        return null;
    }

    @Test
    void an_account_that_is_not_an_operator_cannot_publish_and_gets_an_io_exception_with_the_reason() {
        try (RegistryClient stranger = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(2))) {
            assertThatThrownBy(() -> new RegistryLocationPublisher(stranger).publish("kv", URI.create("http://evil"), new LeaderTerm(CLUSTER, 99, 999)))
                    .isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(RegistryAccessDeniedException.class)
                    .hasMessageContaining("CallerNotManagerOrOperator");
        }
    }

    @Test
    void appended_records_are_encrypted_on_chain_and_the_newest_reads_back_equal() throws Exception {
        RegistryBackupLog writer = new RegistryBackupLog(replicas, "kv", serviceAccount);
        writer.append(record("kv", 2));
        BackupRecord third = record("kv", 3);

        writer.append(third);

        try (RegistryClient learner = RegistryClient.connectReadOnly(anvil.rpcUrl(), manager.registryAddress())) {
            assertThat(new RegistryBackupLog(learner, "kv", serviceAccount).newest()).hasValue(third);
            byte[] onChain = learner.latestBackup(ServiceId.ofName("kv")).orElseThrow().record();
            assertThat(new String(onChain, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("file:/backups", ARTIFACT_KEY);
            var envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Ecies.decrypt(serviceAccount, onChain));
            assertThat(envelope.get("record").asText()).startsWith("{\"service\":\"kv\",\"version\":3,").contains(ARTIFACT_KEY);
            assertThat(envelope.get("signer").asText()).isEqualTo(serviceAccount.getAddress());
            assertThat(envelope.get("signature").asText()).hasSize(2 + 130);
        }
    }

    @Test
    void the_record_of_a_version_is_found_behind_the_record_of_a_backup_that_never_took_effect() throws Exception {
        RegistryBackupLog log = new RegistryBackupLog(replicas, "orphan", serviceAccount);
        log.append(record("orphan", 2));
        log.append(record("orphan", 3)); // its leader lost leadership before compacting

        assertThat(log.newestOf(2)).hasValue(record("orphan", 2));
        assertThat(log.newestOf(3)).hasValue(record("orphan", 3));
        assertThat(log.newestOf(4)).isEmpty();
    }

    @Test
    void foundrys_cast_verifies_the_records_signature_as_the_service_accounts_and_no_other() throws Exception {
        var envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(SignedBackupRecord.write(record("kv", 9), serviceAccount));
        String message = envelope.get("record").asText();
        String signature = envelope.get("signature").asText();

        assertThat(castVerify(serviceAccount.getAddress(), message, signature)).as("cast wallet verify, the service account").isZero();
        assertThat(castVerify(anvil.account(3).getAddress(), message, signature)).as("cast wallet verify, another account").isNotZero();
    }

    private static int castVerify(String address, String message, String signature) throws Exception {
        Process process = new ProcessBuilder(dev.br2k.testkit.Tools.cast().toString(), "wallet", "verify", "--address", address,
                message, signature).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("cast finished").isTrue();
        return process.exitValue();
    }

    @Test
    void a_service_without_backups_has_no_newest_record() throws Exception {
        assertThat(new RegistryBackupLog(replicas, "empty", serviceAccount).newest()).isEmpty();
    }

    @Test
    void a_record_encrypted_to_another_key_is_refused_not_half_read() throws Exception {
        replicas.appendBackupLog(ServiceId.ofName("tampered"), Ecies.encrypt(anvil.account(3), "{}".getBytes()));

        assertThatThrownBy(() -> new RegistryBackupLog(replicas, "tampered", serviceAccount).newest())
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void a_record_encrypted_to_the_service_account_but_signed_by_another_operator_is_refused() throws Exception {
        Credentials formerOperator = anvil.account(3);
        manager.setOperator(ServiceId.ofName("forged"), formerOperator.getAddress(), true);
        try (RegistryClient attacker = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), formerOperator)) {
            // it knows the service account's public key (anyone does) and signs with its own key
            byte[] forged = SignedBackupRecord.write(record("forged", 2), formerOperator);
            attacker.appendBackupLog(ServiceId.ofName("forged"), Ecies.encrypt(Ecies.uncompressedPublicKey(serviceAccount), forged));
        }

        assertThatThrownBy(() -> new RegistryBackupLog(replicas, "forged", serviceAccount).newest())
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("not authentic", formerOperator.getAddress().substring(2), serviceAccount.getAddress());
    }

    @Test
    void an_unsigned_record_of_an_older_br2k_is_refused_with_what_to_do() {
        byte[] clearRecordOfOldBr2k = BackupRecordJson.write(record("unsigned", 2));
        replicas.appendBackupLog(ServiceId.ofName("unsigned"), Ecies.encrypt(serviceAccount, clearRecordOfOldBr2k));

        assertThatThrownBy(() -> new RegistryBackupLog(replicas, "unsigned", serviceAccount).newest())
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("carries no signature", "POST /br2k/backup");
    }

    @Test
    void a_record_of_another_service_is_refused() {
        RegistryBackupLog log = new RegistryBackupLog(replicas, "kv", serviceAccount);

        assertThatThrownBy(() -> log.append(record("other", 2))).isInstanceOf(IllegalArgumentException.class);
    }

    private static BackupRecord record(String service, long version) {
        return new BackupRecord(service, version, 100 * version, Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:00:02.5Z"), List.of("kv-0", "kv-1", "kv-2"), 4096, 8192,
                "file:/backups/" + service + "/" + version, "", "kv-1",
                Map.of(BackupRecord.STATE_ARTIFACT, "ab".repeat(32), BackupRecord.ETCD_ARTIFACT, "cd".repeat(32)), ARTIFACT_KEY);
    }
}
