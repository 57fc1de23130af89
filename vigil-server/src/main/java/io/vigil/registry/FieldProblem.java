package io.vigil.registry;

import io.vigil.platform.InvalidInputException;

/** One thing wrong with an input: the field (dotted path) and why, in English and Chinese. */
public record FieldProblem(String field, String reason) {

	public InvalidInputException toException() {
		return new InvalidInputException(field, reason);
	}
}
