package org.secondopinion.providers.rest.dto;

import java.util.List;

/** A page of results: {@code page} counts from 0; {@code total} is the number of all matching items. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
