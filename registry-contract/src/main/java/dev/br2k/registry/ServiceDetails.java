package dev.br2k.registry;

import org.web3j.utils.Numeric;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the registry keeps about a service for readers off the chain (in events, spec §2.1): its
 * name, a description, its deployment context as a hash plus a pointer (e.g. a URL or a path where
 * the context file is kept), its container image and the image registry's credentials, encrypted
 * to the service account's key with {@link dev.br2k.registry.crypto.Ecies}.
 *
 * <p>Arrays are copied in and out; {@code equals} compares their contents.
 *
 * @param name              the service's name; its hash is the {@link ServiceId}
 * @param description       free text for people
 * @param contextHash       SHA-256 (or any 32-byte digest) of the deployment context; zeros if none
 * @param contextPointer    where the deployment context can be fetched; empty if none
 * @param imageLocation     the container image, e.g. {@code registry.example:5000/infodid:1.0}
 * @param imageCredentials  the image registry's credentials, ECIES-encrypted; empty if none
 */
public record ServiceDetails(
        String name,
        String description,
        byte[] contextHash,
        String contextPointer,
        String imageLocation,
        byte[] imageCredentials) {

    public ServiceDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(contextHash, "contextHash");
        Objects.requireNonNull(contextPointer, "contextPointer");
        Objects.requireNonNull(imageLocation, "imageLocation");
        Objects.requireNonNull(imageCredentials, "imageCredentials");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (contextHash.length != 32) {
            throw new IllegalArgumentException("contextHash must be 32 bytes, was " + contextHash.length);
        }
        contextHash = contextHash.clone();
        imageCredentials = imageCredentials.clone();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder starting from these details, e.g. to change one field. */
    public Builder toBuilder() {
        return new Builder(name).description(description).context(contextHash, contextPointer)
                .image(imageLocation, imageCredentials);
    }

    public ServiceId id() {
        return ServiceId.ofName(name);
    }

    @Override
    public byte[] contextHash() {
        return contextHash.clone();
    }

    @Override
    public byte[] imageCredentials() {
        return imageCredentials.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceDetails d
                && name.equals(d.name) && description.equals(d.description)
                && Arrays.equals(contextHash, d.contextHash) && contextPointer.equals(d.contextPointer)
                && imageLocation.equals(d.imageLocation) && Arrays.equals(imageCredentials, d.imageCredentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, Arrays.hashCode(contextHash), contextPointer, imageLocation,
                Arrays.hashCode(imageCredentials));
    }

    @Override
    public String toString() {
        return "ServiceDetails[name=" + name + ", description=" + description
                + ", contextHash=" + Numeric.toHexString(contextHash) + ", contextPointer=" + contextPointer
                + ", imageLocation=" + imageLocation + ", imageCredentials=" + imageCredentials.length + " bytes]";
    }

    /** Builds {@link ServiceDetails}; everything but the name is optional (empty). */
    public static final class Builder {
        private final String name;
        private String description = "";
        private byte[] contextHash = new byte[32];
        private String contextPointer = "";
        private String imageLocation = "";
        private byte[] imageCredentials = new byte[0];

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** The deployment context's 32-byte digest and where to fetch it. */
        public Builder context(byte[] hash, String pointer) {
            this.contextHash = Objects.requireNonNull(hash, "hash").clone();
            this.contextPointer = Objects.requireNonNull(pointer, "pointer");
            return this;
        }

        /** The container image and the image registry's credentials, already ECIES-encrypted. */
        public Builder image(String location, byte[] encryptedCredentials) {
            this.imageLocation = Objects.requireNonNull(location, "location");
            this.imageCredentials = Objects.requireNonNull(encryptedCredentials, "encryptedCredentials").clone();
            return this;
        }

        public ServiceDetails build() {
            return new ServiceDetails(name, description, contextHash, contextPointer, imageLocation, imageCredentials);
        }
    }
}
