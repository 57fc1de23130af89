package io.vigil.registry.internal;

import io.vigil.registry.FieldProblem;

/**
 * One row or feature of an import file, either turned into a command or with the problem that
 * prevented it.
 *
 * @param line the 1-based line of a CSV record; null for GeoJSON
 */
public record ParsedRow<C>(int index, Integer line, String code, C command, FieldProblem problem) {

	public static <C> ParsedRow<C> ok(int index, Integer line, String code, C command) {
		return new ParsedRow<>(index, line, code, command, null);
	}

	public static <C> ParsedRow<C> failed(int index, Integer line, String code, FieldProblem problem) {
		return new ParsedRow<>(index, line, code, null, problem);
	}
}
