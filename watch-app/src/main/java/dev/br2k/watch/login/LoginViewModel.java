package dev.br2k.watch.login;

import dev.br2k.registry.RegistryUnavailableException;
import dev.br2k.registry.crypto.KeystorePasswordException;
import dev.br2k.registry.crypto.KeystoreUnreadableException;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.RegistryConnector;
import dev.br2k.watch.backend.RegistryGateway;
import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.kube.KubeContextsViewModel;
import dev.br2k.watch.kube.Kubeconfigs;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.web3j.crypto.Credentials;

import java.nio.file.Path;
import dev.br2k.registry.ChainMismatchException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The log-in screen: keystore, password, RPC URL and registry address, remembered profiles.
 * {@link #logIn(char[])} unlocks the keystore and connects in the background; on success
 * {@link #sessionProperty()} is set and the profile (never the password) is remembered.
 *
 * <p>The view model holds no password: the view reads the password field once into a {@code char[]}
 * and clears the field, and {@link #logIn(char[])} wipes that array when the keystore has been tried,
 * whether the log-in succeeded or not.
 */
public final class LoginViewModel {

    /** Which field a failure is about, so the view can point at it. */
    public enum Problem { NONE, PASSWORD, KEYSTORE, NODE, REGISTRY, OTHER }

    private final TaskExecutor executor;
    private final ProfileStore store;
    private final KeystoreUnlocker unlocker;
    private final RegistryConnector connector;
    private final Function<Profile, ClusterDirectory> clusters;

    private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selectedProfile = new SimpleObjectProperty<>();
    private final StringProperty keystorePath = new SimpleStringProperty("");
    private final StringProperty rpcUrl = new SimpleStringProperty("http://127.0.0.1:8545");
    private final StringProperty registryAddress = new SimpleStringProperty("");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final StringProperty clusterDirectory = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progressMessage = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(Problem.NONE);
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final BooleanBinding canLogIn;
    private final KubeContextsViewModel kube;

    public LoginViewModel(TaskExecutor executor, ProfileStore store, KeystoreUnlocker unlocker,
                          RegistryConnector connector, Function<Profile, ClusterDirectory> clusters) {
        this(executor, store, unlocker, connector, clusters, new KubeContextsViewModel(executor, Kubeconfigs::fromEnvironment));
    }

    public LoginViewModel(TaskExecutor executor, ProfileStore store, KeystoreUnlocker unlocker,
                          RegistryConnector connector, Function<Profile, ClusterDirectory> clusters,
                          KubeContextsViewModel kube) {
        this.kube = Objects.requireNonNull(kube, "kube");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        this.unlocker = Objects.requireNonNull(unlocker, "unlocker");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        profiles.setAll(store.load());
        selectedProfile.addListener((o, was, now) -> {
            if (now != null) {
                apply(now);
            }
        });
        if (!profiles.isEmpty()) {
            selectedProfile.set(profiles.get(0));
        }
        canLogIn = Bindings.createBooleanBinding(() -> !busy.get()
                        && !keystorePath.get().isBlank() && !rpcUrl.get().isBlank() && !registryAddress.get().isBlank(),
                busy, keystorePath, rpcUrl, registryAddress);
    }

    /** The operator changed the password field: a "wrong password" message no longer applies. */
    public void passwordEdited() {
        if (problem.get() == Problem.PASSWORD) {
            clearError();
        }
    }

    /** Fills the fields from a profile given on the command line (e.g. the sandbox's), ahead of remembered ones. */
    public void prefill(Profile profile) {
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(0, profile);
        selectedProfile.set(profile);
        apply(profile);
    }

    /**
     * Unlocks the keystore with {@code password} and connects; ignored while a log-in runs or a field
     * is missing. Takes the array over: it is filled with zeros once the keystore has been tried
     * (or at once when the log-in is ignored), success or failure.
     */
    public void logIn(char[] password) {
        Objects.requireNonNull(password, "password");
        if (!canLogIn.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        clearError();
        busy.set(true);
        progressMessage.set("Decrypting the keystore (this takes a few seconds)…");
        Path keystore = Path.of(keystorePath.get().trim());
        String url = rpcUrl.get().trim();
        String registry = registryAddress.get().trim();
        String name = profileName.get().isBlank() ? Profile.defaultName(url, registry) : profileName.get().trim();
        Profile selected = selectedProfile.get();
        String clusterDir = selected != null && selected.name().equals(name) ? selected.clusterDir() : clusterDirectory.get();
        long pinnedChain = selected != null && selected.name().equals(name) ? selected.chainId() : 0;
        Profile profile = new Profile(name, url, registry, keystore.toString(), clusterDir, kube.selectedProperty().get(),
                pinnedChain);
        executor.submit("Log in to " + name, context -> {
            context.progress(-1);
            context.message("Decrypting the keystore");
            Credentials credentials;
            try {
                credentials = unlocker.unlock(keystore, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            context.message("Connecting to " + url);
            executor.onUi(() -> progressMessage.set("Connecting to the node at " + url + "…"));
            RegistryGateway gateway = connector.connect(url, registry, credentials);
            try {
                long chain = gateway.chain().chainId();
                if (pinnedChain != 0 && pinnedChain != chain) {
                    throw new ChainMismatchException("The node at " + url + " serves chain " + chain + ", but the profile "
                            + name + " was recorded on chain " + pinnedChain + ": check the RPC URL, or log in under a new"
                            + " profile name if that chain was re-created.", pinnedChain, chain);
                }
                Profile pinned = profile.withChainId(chain);
                return new Session(pinned, gateway, clusters.apply(pinned));
            } catch (RuntimeException e) {
                gateway.close();
                throw e;
            }
        }, s -> {
            busy.set(false);
            progressMessage.set("");
            profiles.setAll(store.remember(s.profile()));
            session.set(s);
        }, failure -> {
            busy.set(false);
            progressMessage.set("");
            Throwable t = UserMessages.unwrap(failure);
            problem.set(t instanceof KeystorePasswordException ? Problem.PASSWORD
                    : t instanceof KeystoreUnreadableException ? Problem.KEYSTORE
                    : t instanceof RegistryUnavailableException ? Problem.NODE
                    : t instanceof dev.br2k.registry.RegistryException ? Problem.REGISTRY : Problem.OTHER);
            error.set(UserMessages.describe("Log in", t));
        });
    }

    /** Forgets the session (log out); the caller closes it. */
    public void loggedOut() {
        session.set(null);
    }

    private void apply(Profile p) {
        profileName.set(p.name());
        rpcUrl.set(p.rpcUrl());
        registryAddress.set(p.registryAddress());
        keystorePath.set(p.keystorePath());
        clusterDirectory.set(p.clusterDir());
        kube.select(p.kubeContext());
        clearError();
    }

    private void clearError() {
        error.set("");
        problem.set(Problem.NONE);
    }

    /** The Kubernetes context selector; its choice is remembered in the profile. */
    public KubeContextsViewModel kube() {
        return kube;
    }

    public ObservableList<Profile> profiles() {
        return profiles;
    }

    public ObjectProperty<Profile> selectedProfileProperty() {
        return selectedProfile;
    }

    public StringProperty keystorePathProperty() {
        return keystorePath;
    }

    public StringProperty rpcUrlProperty() {
        return rpcUrl;
    }

    public StringProperty registryAddressProperty() {
        return registryAddress;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    /** The local clusters' base directory the session attaches; from the profile, empty for none. */
    public StringProperty clusterDirectoryProperty() {
        return clusterDirectory;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session;
    }

    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }
}
