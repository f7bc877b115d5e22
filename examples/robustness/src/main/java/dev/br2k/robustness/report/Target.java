package dev.br2k.robustness.report;

/** One of the targets: what it asks, what the run measured, and whether it was met. */
public record Target(String name, String goal, String measured, boolean met) {
}
