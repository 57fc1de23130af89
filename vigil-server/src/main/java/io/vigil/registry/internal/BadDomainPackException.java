package io.vigil.registry.internal;

/** A domain pack file that cannot be used; stops the start with the file, field and reason. */
public class BadDomainPackException extends RuntimeException {

	public BadDomainPackException(String source, String field, String reason) {
		super("Bad domain pack " + source + (field == null || field.isEmpty() ? "" : ", field " + field) + ": "
				+ reason);
	}
}
