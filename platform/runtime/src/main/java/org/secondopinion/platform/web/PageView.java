package org.secondopinion.platform.web;

import java.util.List;

/**
 * A page of a list, the one shape every paged endpoint answers with: {@code page} counts from 0,
 * {@code size} is the page size asked for, {@code total} the number of all matching items.
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public PageView {
        items = List.copyOf(items);
    }
}
