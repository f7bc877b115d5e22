package dev.br2k.watch.kube;

import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Kubernetes context selector of the log-in screen: the contexts of the kubeconfig files kubectl
 * reads, read on the background executor, and the one chosen ({@link #NONE} for local clusters
 * only). The chosen name goes into the profile; a remembered name that is no longer in the files is
 * kept, with a message saying so, and blocks nothing but its own cluster.
 */
public final class KubeContextsViewModel {

    /** The choice "no Kubernetes context". */
    public static final String NONE = "";

    private final TaskExecutor executor;
    private final Supplier<Kubeconfigs> reader;
    private final ObservableList<String> names = FXCollections.observableArrayList(NONE);
    private final StringProperty selected = new SimpleStringProperty(NONE);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private Kubeconfigs configs = new Kubeconfigs(List.of(), List.of(), Optional.empty());

    public KubeContextsViewModel(TaskExecutor executor, Supplier<Kubeconfigs> reader) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.reader = Objects.requireNonNull(reader, "reader");
        selected.addListener((o, was, now) -> describe());
    }

    /** Reads the kubeconfig files again (in the background) and lists their contexts. */
    public void load() {
        loading.set(true);
        executor.submit("Read the kubeconfig contexts", context -> reader.get(), read -> {
            loading.set(false);
            configs = read;
            error.set("");
            List<String> listed = new java.util.ArrayList<>();
            listed.add(NONE);
            read.contexts().forEach(c -> listed.add(c.name()));
            String keep = selected.get();
            if (keep != null && !keep.isEmpty() && !listed.contains(keep)) {
                listed.add(keep);
            }
            names.setAll(listed);
            describe();
        }, failure -> {
            loading.set(false);
            error.set(UserMessages.describe("Reading the Kubernetes contexts", failure));
        });
    }

    private void describe() {
        String name = selected.get();
        if (name == null || name.isEmpty()) {
            message.set(configs.files().isEmpty() ? "No kubeconfig found ($KUBECONFIG, ~/.kube/config): local clusters only."
                    : configs.contexts().size() + " contexts in " + files() + "; none chosen: local clusters only.");
            return;
        }
        Optional<KubeContext> c = configs.context(name);
        message.set(c.map(k -> "Services in namespace " + k.namespace() + (k.server().isEmpty() ? "" : " of " + k.server())
                        + " are attached (state and logs).")
                .orElse(loading.get() ? "" : "The context \"" + name + "\" is not in " + (configs.files().isEmpty()
                        ? "any kubeconfig" : files()) + ". Choose another, or add it with kubectl config set-context."));
    }

    private String files() {
        return configs.files().stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Chooses a context by name ({@link #NONE} for none); a name not listed is kept and reported. */
    public void select(String name) {
        String n = name == null ? NONE : name.trim();
        if (!n.isEmpty() && !names.contains(n)) {
            names.add(n);
        }
        selected.set(n);
    }

    /** The chosen context, if it is in the files read. */
    public Optional<KubeContext> chosen() {
        String name = selected.get();
        return name == null || name.isEmpty() ? Optional.empty() : configs.context(name);
    }

    /** The context names to choose from, {@link #NONE} first, then in file order. */
    public ObservableList<String> names() {
        return names;
    }

    /** How the selector shows a name. */
    public String label(String name) {
        if (name == null || name.isEmpty()) {
            return "None (local clusters only)";
        }
        return configs.context(name).map(KubeContext::label).orElse(name + " (not in the kubeconfig)")
                + (configs.currentContext().filter(name::equals).isPresent() ? "  · current" : "");
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    /** What the choice means, or why it cannot be used. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** A kubeconfig that could not be read; empty when fine. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}
