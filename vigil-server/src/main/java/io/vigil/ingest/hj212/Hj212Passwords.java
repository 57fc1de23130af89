package io.vigil.ingest.hj212;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** What handling HJ 212 access passwords safely takes: comparing them and keeping them out of stored text. */
final class Hj212Passwords {

	// PW is a header field: at the start of the segment or after a ';', up to the next ';'.
	private static final Pattern PW_FIELD = Pattern.compile("(^|;)PW=[^;]*");

	private Hj212Passwords() {
	}

	/**
	 * Whether the two passwords are equal, in time independent of where they differ and of their lengths:
	 * both are hashed first, so a peer timing its attempts learns nothing about the configured one.
	 */
	static boolean matches(String configured, String sent) {
		return MessageDigest.isEqual(sha256(configured), sha256(sent));
	}

	/** The text with every {@code PW=} field's value replaced by {@code ***}, for quarantine and logs. */
	static String redact(String text) {
		return text == null ? null : PW_FIELD.matcher(text).replaceAll("$1PW=***");
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
