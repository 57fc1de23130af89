package io.vigil.ingest.hj212;

/**
 * A {@link Hj212Sink}'s verdict on a frame.
 *
 * @param accepted whether the frame's content is durable and may be confirmed to the sender
 * @param reason why it was rejected; {@code null} when accepted
 */
public record Hj212Ack(boolean accepted, String reason) {

	private static final Hj212Ack ACCEPTED = new Hj212Ack(true, null);

	public Hj212Ack {
		if (accepted != (reason == null)) {
			throw new IllegalArgumentException("an acceptance has no reason, a rejection needs one");
		}
	}

	/** The frame's content is durable: the server may confirm it. */
	public static Hj212Ack durable() {
		return ACCEPTED;
	}

	/** The frame must not be confirmed, for this reason. */
	public static Hj212Ack rejected(String reason) {
		return new Hj212Ack(false, reason);
	}
}
