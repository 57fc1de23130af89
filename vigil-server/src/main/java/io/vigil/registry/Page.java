package io.vigil.registry;

import java.util.List;

/** One page of a list and the total number of matches, as the list endpoints return it. */
public record Page<T>(List<T> items, long total) {
}
