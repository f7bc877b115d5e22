package dev.br2k.watch.common;

import dev.br2k.cluster.ClusterException;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryUnavailableException;
import dev.br2k.registry.crypto.KeystorePasswordException;
import dev.br2k.registry.crypto.KeystoreUnreadableException;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failure into a sentence an operator can act on: what failed, then what to do. The
 * modules' exceptions already say both; this adds the action that failed and covers the rest.
 */
public final class UserMessages {

    private UserMessages() {
    }

    /** "{@code action} failed: ..." with advice. */
    public static String describe(String action, Throwable failure) {
        Throwable t = unwrap(failure);
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof KeystorePasswordException) {
            return "Wrong password: the keystore did not open with it. Type the password again (it is case-sensitive).";
        }
        if (t instanceof KeystoreUnreadableException) {
            return "The keystore file cannot be used. " + message;
        }
        if (t instanceof dev.br2k.operations.OperationsException) {
            return message; // names the operation, the state things are in and what to do
        }
        if (t instanceof RegistryUnavailableException) {
            return action + " failed: the Ethereum node did not answer. " + adviceForNode(message);
        }
        if (t instanceof RegistryException || t instanceof ClusterException || t instanceof dev.br2k.watch.kube.KubeconfigException) {
            return action + " failed. " + message;
        }
        if (t instanceof ConnectException) {
            return action + " failed: nothing answered (" + message + "). Check that the address is right and the process runs.";
        }
        if (t instanceof InterruptedException) {
            return action + " was interrupted. Try again.";
        }
        return action + " failed: " + message + ". Try again; if it keeps failing, see the log in " + WatchHome.logFile() + ".";
    }

    private static String adviceForNode(String message) {
        return message.contains("Check") ? message.substring(message.indexOf("Check"))
                : "Check the RPC URL and that the node is running.";
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
