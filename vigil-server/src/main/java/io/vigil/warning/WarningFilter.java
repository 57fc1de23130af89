package io.vigil.warning;

import java.time.Instant;

/**
 * Filters of the warning list; nulls mean any.
 *
 * @param status a handling status, or {@code open} for every warning not yet cleared
 * @param jurisdiction code of a region: warnings of enterprises inside it
 * @param from warnings first seen at or after
 * @param to warnings first seen before
 * @param overdue true: only warnings past a handling deadline; false: only those that are not
 */
public record WarningFilter(String state, String status, String sensor, String enterprise, String level,
		String jurisdiction, String domain, Instant from, Instant to, Boolean overdue, int page, int size) {
}
