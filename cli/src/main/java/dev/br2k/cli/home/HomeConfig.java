package dev.br2k.cli.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The BR2K config ({@code <home>/config}), shaped like a kubeconfig: named contexts, image registries
 * and service registries, and which of each is current. Immutable; the {@code with…} methods return
 * changed copies.
 */
public record HomeConfig(Optional<String> currentContext, List<ContextEntry> contexts,
                         Optional<String> currentImageRegistry, List<ImageRegistryEntry> imageRegistries,
                         Optional<String> currentServiceRegistry, List<ServiceRegistryEntry> serviceRegistries) {
    public static final HomeConfig EMPTY = new HomeConfig(Optional.empty(), List.of(), Optional.empty(), List.of(),
            Optional.empty(), List.of());

    public HomeConfig {
        Objects.requireNonNull(currentContext, "currentContext");
        contexts = List.copyOf(contexts);
        Objects.requireNonNull(currentImageRegistry, "currentImageRegistry");
        imageRegistries = List.copyOf(imageRegistries);
        Objects.requireNonNull(currentServiceRegistry, "currentServiceRegistry");
        serviceRegistries = List.copyOf(serviceRegistries);
    }

    public Optional<ContextEntry> context(String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ImageRegistryEntry> imageRegistry(String name) {
        return imageRegistries.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<ServiceRegistryEntry> serviceRegistry(String name) {
        return serviceRegistries.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Adds or replaces the context of that name; the first context added becomes current. */
    public HomeConfig withContext(ContextEntry entry, boolean makeCurrent) {
        List<ContextEntry> list = replace(contexts, entry, c -> c.name().equals(entry.name()));
        Optional<String> current = makeCurrent || currentContext.isEmpty() ? Optional.of(entry.name()) : currentContext;
        return new HomeConfig(current, list, currentImageRegistry, imageRegistries, currentServiceRegistry, serviceRegistries);
    }

    public HomeConfig withoutContext(String name) {
        List<ContextEntry> list = contexts.stream().filter(c -> !c.name().equals(name)).toList();
        Optional<String> current = currentContext.filter(c -> !c.equals(name));
        return new HomeConfig(current, list, currentImageRegistry, imageRegistries, currentServiceRegistry, serviceRegistries);
    }

    public HomeConfig withCurrentContext(String name) {
        return new HomeConfig(Optional.of(name), contexts, currentImageRegistry, imageRegistries, currentServiceRegistry,
                serviceRegistries);
    }

    public HomeConfig withImageRegistry(ImageRegistryEntry entry, boolean makeCurrent) {
        List<ImageRegistryEntry> list = replace(imageRegistries, entry, c -> c.name().equals(entry.name()));
        Optional<String> current = makeCurrent || currentImageRegistry.isEmpty() ? Optional.of(entry.name()) : currentImageRegistry;
        return new HomeConfig(currentContext, contexts, current, list, currentServiceRegistry, serviceRegistries);
    }

    public HomeConfig withServiceRegistry(ServiceRegistryEntry entry, boolean makeCurrent) {
        List<ServiceRegistryEntry> list = replace(serviceRegistries, entry, c -> c.name().equals(entry.name()));
        Optional<String> current = makeCurrent || currentServiceRegistry.isEmpty() ? Optional.of(entry.name()) : currentServiceRegistry;
        return new HomeConfig(currentContext, contexts, currentImageRegistry, imageRegistries, current, list);
    }

    public HomeConfig withoutServiceRegistry(String name) {
        return new HomeConfig(currentContext, contexts, currentImageRegistry, imageRegistries,
                currentServiceRegistry.filter(c -> !c.equals(name)),
                serviceRegistries.stream().filter(c -> !c.name().equals(name)).toList());
    }

    private static <T> List<T> replace(List<T> list, T entry, Predicate<T> same) {
        List<T> out = new ArrayList<>();
        boolean replaced = false;
        for (T t : list) {
            if (same.test(t)) {
                out.add(entry);
                replaced = true;
            } else {
                out.add(t);
            }
        }
        if (!replaced) {
            out.add(entry);
        }
        return out;
    }
}
