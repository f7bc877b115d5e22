package dev.br2k.cluster;

/** Receives each step of an operation as it starts and ends; called on the thread running the operation. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = event -> { };

    void onProgress(ProgressEvent event);
}
