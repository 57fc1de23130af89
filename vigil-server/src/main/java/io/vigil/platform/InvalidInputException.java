package io.vigil.platform;

/** Bad input from a user or a client: answered with 400 naming the field and the reason. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String reason) {
		super(reason);
		this.field = field;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return getMessage();
	}
}
