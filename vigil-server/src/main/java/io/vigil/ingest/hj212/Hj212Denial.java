package io.vigil.ingest.hj212;

/**
 * Why a well-formed frame was refused before its content was looked at: the data logger did not prove who it
 * is. Such a frame is never confirmed and nothing of it is stored.
 *
 * @param reason the kind of refusal, for metrics
 * @param detail what the operator has to fix, naming the MN but never a password
 */
public record Hj212Denial(Reason reason, String detail) {

	public enum Reason {
		/** No mapping names this MN: nobody configured the logger. */
		UNKNOWN_MN,
		/** The MN is mapped but has no {@code PW} configured, so it cannot be authenticated. */
		NO_PASSWORD,
		/** The frame's {@code PW} differs from the one configured for its MN. */
		WRONG_PASSWORD
	}

	public Hj212Denial {
		if (reason == null || detail == null || detail.isBlank()) {
			throw new IllegalArgumentException("a denial needs a reason and a detail");
		}
	}
}
