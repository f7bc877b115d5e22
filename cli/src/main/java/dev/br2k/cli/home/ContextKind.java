package dev.br2k.cli.home;

/** Where a context deploys: a Kubernetes cluster or processes on this machine. */
public enum ContextKind {
    KUBERNETES, LOCAL;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
