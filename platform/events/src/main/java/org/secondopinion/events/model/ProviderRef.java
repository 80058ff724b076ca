package org.secondopinion.events.model;

import java.util.Objects;

/**
 * A physician named by NPI, with the name to show.
 *
 * @param npi the 10-digit National Provider Identifier
 * @param name the name to show
 */
public record ProviderRef(String npi, String name) {

    public ProviderRef {
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(name, "name");
    }
}
