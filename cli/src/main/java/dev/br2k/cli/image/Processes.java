package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the small system tools the image build asks about the machine ({@code ldd}, {@code dpkg-query}). */
final class Processes {
    private Processes() {
    }

    /** What {@code command} printed on its standard output; fails when the program is not installed. */
    static String output(List<String> command, String whatItIsFor) {
        return outputIfInstalled(command).orElseThrow(() -> CliException.notConfigured("'" + command.get(0)
                + "' is not installed; " + whatItIsFor));
    }

    /** What {@code command} printed on its standard output, whatever its exit code; empty when it is not installed. */
    static Optional<String> outputIfInstalled(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw CliException.failed(command.get(0) + " did not finish within two minutes", null);
            }
            return Optional.of(out.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted while running " + command.get(0), e);
        }
    }
}
