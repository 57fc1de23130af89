package io.vigil.platform;

/** The caller's role may not do this here: answered with 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String reason) {
		super(reason);
	}
}
