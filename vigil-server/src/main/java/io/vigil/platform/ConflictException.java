package io.vigil.platform;

/** The request contradicts the current state, for example a duplicate code: answered with 409. */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String reason) {
		super(reason);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
