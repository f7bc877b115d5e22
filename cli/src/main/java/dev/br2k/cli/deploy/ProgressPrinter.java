package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import java.io.PrintWriter;

/** Prints each step of a cluster operation once, as it ends, with what it did (stderr), and the result (stdout). */
public final class ProgressPrinter implements ProgressListener {
    private final Common common;

    public ProgressPrinter(Common common) {
        this.common = common;
    }

    @Override
    public void onProgress(ProgressEvent e) {
        String detail = e.detail().isEmpty() || e.detail().equals(e.step()) ? "" : " (" + e.detail() + ")";
        switch (e.status()) {
            case DONE -> common.progress("  done " + e.step() + detail);
            case SKIPPED -> common.progress("  ok   " + e.step() + " (already in place)");
            case FAILED -> common.progress("  FAILED " + e.step() + (e.detail().isEmpty() ? "" : ": " + e.detail()));
            default -> { } // a step is printed once, when it ends, with what it did
        }
    }

    public static void result(PrintWriter out, OperationResult r) {
        String op = r.operation().name().toLowerCase(java.util.Locale.ROOT);
        if (r.unchanged()) {
            out.println(op + ": nothing to change; " + r.replicasAfter() + " replicas");
        } else {
            out.println(op + ": " + r.replicasBefore() + " -> " + r.replicasAfter() + " replicas (" + r.changes().size() + " changes)");
        }
    }
}
