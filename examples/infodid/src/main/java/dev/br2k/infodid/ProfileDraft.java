package dev.br2k.infodid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a {@link Profile} its owner sends; the service adds the DID and the time. Build with
 * {@link #builder(String)}.
 */
public record ProfileDraft(String name, Optional<String> photo, List<String> education, List<String> career,
                           Optional<Instant> validUntil) {
    public static final int MAX_TEXT = 200;
    public static final int MAX_ITEMS = 50;

    public ProfileDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(photo, "photo");
        education = List.copyOf(education);
        career = List.copyOf(career);
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The problems that make this draft unacceptable, each naming its field; empty when it is fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name.isBlank() || name.length() > MAX_TEXT) {
            problems.add("name must be 1.." + MAX_TEXT + " characters");
        }
        photo.filter(p -> p.isBlank() || p.length() > 2 * MAX_TEXT)
                .ifPresent(p -> problems.add("photo must be a reference of 1.." + 2 * MAX_TEXT + " characters"));
        check("education", education, problems);
        check("career", career, problems);
        return problems;
    }

    private static void check(String field, List<String> items, List<String> problems) {
        if (items.size() > MAX_ITEMS) {
            problems.add(field + " may have at most " + MAX_ITEMS + " entries, has " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).isBlank() || items.get(i).length() > MAX_TEXT) {
                problems.add(field + "[" + i + "] must be 1.." + MAX_TEXT + " characters");
            }
        }
    }

    public static final class Builder {
        private final String name;
        private String photo;
        private final List<String> education = new ArrayList<>();
        private final List<String> career = new ArrayList<>();
        private Instant validUntil;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder photo(String reference) {
            this.photo = Objects.requireNonNull(reference, "reference");
            return this;
        }

        public Builder education(String entry) {
            education.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        public Builder career(String entry) {
            career.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        public Builder validUntil(Instant until) {
            this.validUntil = Objects.requireNonNull(until, "until");
            return this;
        }

        public ProfileDraft build() {
            return new ProfileDraft(name, Optional.ofNullable(photo), education, career, Optional.ofNullable(validUntil));
        }
    }
}
