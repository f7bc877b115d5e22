package dev.br2k.registry.tools;

import dev.br2k.registry.LocationTerm;
import dev.br2k.registry.RegistrationCommitment;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceDetails;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.registry.crypto.Ecies;
import dev.br2k.testkit.Anvil;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the gas of deploying the registry and of each function on a fresh anvil node and prints a
 * Markdown table (the one in the module README). Run in {@code registry-contract/}:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=dev.br2k.registry.tools.GasReport -Dexec.classpathScope=test
 * </pre>
 */
public final class GasReport {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;

    private GasReport() {
    }

    public static void main(String[] args) {
        Anvil anvil = Anvil.builder().build().start();
        List<String[]> rows = new ArrayList<>();
        try (RegistryClient manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
             RegistryClient operator = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(1));
             RegistryClient other = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(2))) {
            Credentials serviceAccount = anvil.account(1);
            row(rows, "deploy", manager.deployment().orElseThrow(), "ServiceRegistry, " + binarySize() + " bytes of code");

            ServiceRegistration minimal = ServiceRegistration.builder("minimal").build();
            RegistrationCommitment commitment = manager.commitRegistration(minimal);
            row(rows, "commit", commitment.receipt(), "step 1 of a registration");
            row(rows, "register (minimal)", manager.revealRegistration(minimal, commitment).receipt(),
                    "step 2: name only, 1 replica, no location");
            byte[] credentials = Ecies.encrypt(serviceAccount, "{\"username\":\"br2k\",\"password\":\"0123456789abcdef\"}"
                    .getBytes(StandardCharsets.UTF_8));
            ServiceRegistration full = ServiceRegistration.builder("infodid")
                    .description("User information service identified by DIDs")
                    .location("http://10.0.0.7:8080")
                    .replicas(3, 5)
                    .context(Hash.sha256("context".getBytes(StandardCharsets.UTF_8)), "https://contexts.example/infodid.yaml")
                    .image("registry.example:5000/infodid:1.0.0", credentials)
                    .build();
            ServiceId id = full.id();
            row(rows, "register (typical)", manager.register(full).receipt(),
                    "step 2: description, location, context, image, " + credentials.length + "-byte encrypted credentials");
            row(rows, "setDetails", manager.setDetails(full.details().toBuilder().description("v2").build()), "same sizes as above");
            String url = "http://10.0.0.8:8080";
            row(rows, "setLocation", manager.setLocation(id, url), url.length() + "-character URL, manager; resets the leader term");
            row(rows, "setOperator (approve)", manager.setOperator(id, operator.account(), true), "first operator");
            row(rows, "updateLocation (operator)", operator.updateLocation(id, "http://10.0.0.9:8080", new LocationTerm(CLUSTER, 2, 17)),
                    "what a new leader pays: first leader term stored");
            row(rows, "updateLocation (next leader)", operator.updateLocation(id, "http://10.0.0.10:8080", new LocationTerm(CLUSTER, 3, 42)),
                    "a failover: the term slot rewritten");
            row(rows, "updateLocation (new etcd cluster)", operator.updateLocation(id, "http://10.0.0.11:8080", new LocationTerm(0x1c2f3a5e7d900b41L, 2, 5)),
                    "a recovery on a new etcd: another cluster id, a lower term");
            row(rows, "setRunState", operator.setRunState(id, RunState.RUNNING), "operator");
            row(rows, "setReplicaCount", manager.setReplicaCount(id, 4), "within the maximum");
            row(rows, "setMaxReplicas", manager.setMaxReplicas(id, 7), "");
            byte[] record = Ecies.encrypt(serviceAccount, sampleBackupRecord().getBytes(StandardCharsets.UTF_8));
            row(rows, "appendBackupLog (first)", operator.appendBackupLog(id, record), record.length + "-byte encrypted record");
            row(rows, "appendBackupLog (next)", operator.appendBackupLog(id, record), "same record size");
            String reason = "no answer from http://10.0.0.9:8080 since 10:02";
            row(rows, "sendClaim (first)", other.sendClaim(id, reason), reason.length() + "-character reason");
            row(rows, "sendClaim (next)", other.sendClaim(id, "no answer from http://10.0.0.9:8080 since 10:05"), "");
            row(rows, "setOperator (revoke)", manager.setOperator(id, operator.account(), false), "");
            row(rows, "transferManager", manager.transferManager(id, other.account()), "step 1");
            row(rows, "acceptManager", other.acceptManager(id), "step 2, moves the service between listings");
            row(rows, "transferManager (cancel)", transferAndCancel(other, id, manager.account()), "clears the proposal");
            row(rows, "setDetails (unchanged)", other.setDetails(full.details().toBuilder().description("v2").build()),
                    "same details again: no event");
            row(rows, "release", other.release(id), "deletes the service, the name is free");
        } finally {
            anvil.close();
        }
        System.out.println("| function | gas used | case |");
        System.out.println("|---|---:|---|");
        for (String[] r : rows) {
            System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
        }
    }

    private static RegistryReceipt transferAndCancel(RegistryClient manager, ServiceId id, String to) {
        manager.transferManager(id, to);
        return manager.cancelManagerTransfer(id);
    }

    private static void row(List<String[]> rows, String function, RegistryReceipt receipt, String note) {
        rows.add(new String[] {function, String.format("%,d", receipt.gasUsed()), note});
    }

    private static int binarySize() {
        return dev.br2k.registry.internal.ContractResources.binary().length() / 2;
    }

    private static String sampleBackupRecord() {
        return "{\"service\":\"infodid\",\"version\":12,\"lastIndex\":10000,\"startTime\":\"2026-11-27T10:00:00Z\","
                + "\"endTime\":\"2026-11-27T10:00:03Z\",\"members\":[\"infodid-0\",\"infodid-1\",\"infodid-2\"],"
                + "\"etcdSnapshotSize\":2097184,\"stateSize\":1048576,\"storageLocation\":\"s3://br2k-backups/infodid/12/\","
                + "\"storageAccessKey\":\"AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\"leaderId\":\"infodid-1\","
                + "\"sha256\":{\"state.zip\":\"" + "ab".repeat(32) + "\",\"etcd.snapshot\":\"" + "cd".repeat(32) + "\"}}";
    }
}
