package io.vigil.registry;

import java.util.List;

/**
 * The outcome of a bulk import. Imports are all-or-nothing unless asked to be partial: with any row
 * rejected, an all-or-nothing import stores nothing ({@code stored} = 0) and lists every problem; a
 * partial import stores the good rows and lists the rejected ones.
 *
 * @param received rows (CSV records after the header) or features in the file
 */
public record ImportReport(String format, boolean partial, int received, int stored, List<Rejected> rejected) {

	public boolean complete() {
		return rejected.isEmpty();
	}

	/**
	 * One rejected row or feature.
	 *
	 * @param index 0-based position among the rows or features
	 * @param line for CSV, the 1-based line of the file where the row starts (the header is line 1)
	 * @param code the row's code when it has one
	 * @param field the field at fault, when one is
	 */
	public record Rejected(int index, Integer line, String code, String field, String reason) {
	}
}
