package dev.br2k.infodid.sandbox;

import dev.br2k.infodid.Profile;
import dev.br2k.infodid.ProfileDraft;
import dev.br2k.infodid.client.InfoDidClient;
import java.net.URI;
import java.time.Duration;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * One signed InfoDID request, end to end: a new did:ethr user stores a profile at the service location
 * given as the only argument (the one the registry publishes) and reads it back. Exit 0 when the
 * profile read back is the one stored, 1 otherwise. Run by {@code br2k sandbox request} on the sandbox's
 * class path, never in the CLI's JVM.
 */
public final class SandboxRequest {
    private SandboxRequest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SandboxRequest <service location URL>");
            System.exit(2);
        }
        URI location = URI.create(args[0]);
        Credentials user = Credentials.create(Keys.createEcKeyPair());
        String name = "sandbox check " + Long.toHexString(System.nanoTime());
        InfoDidClient client = InfoDidClient.builder(user).replica(location).timeout(Duration.ofSeconds(20)).build();
        try {
            long started = System.nanoTime();
            Profile stored = client.putProfile(ProfileDraft.builder(name).build());
            Profile read = client.profile();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!read.name().equals(name) || !read.did().equals(client.did()) || !stored.did().equals(client.did())) {
                System.err.println("InfoDID at " + location + " answered, but returned " + read + " for the profile "
                        + name + " of " + client.did());
                System.exit(1);
            }
            System.out.println("InfoDID at " + location + " stored and returned the signed profile of " + client.did()
                    + " (PUT and GET in " + millis + " ms)");
        } catch (RuntimeException e) {
            System.err.println("InfoDID at " + location + " did not take the signed request: " + e.getMessage());
            System.exit(1);
        }
    }
}
