package io.vigil.ingest.hj212;

/**
 * The {@code Flag} field of a data segment: bits {@code V5 V4 V3 V2 V1 V0 D A} (HJ 212-2017 §6.3, data segment
 * table), most significant first. {@code A} (bit 0) asks the receiver to reply; {@code D} (bit 1) says the message
 * is one packet of several ({@code PNUM}/{@code PNO} present); the version bits 7..2 are 000001 for HJ 212-2017
 * and 000000 for the 2005 edition. So a 2017 upload says Flag=4 (no reply wanted), 5 (reply wanted), 6 or 7 (the
 * same, split into packets): D is bit 1, not bit 2, which is V0, the lowest version bit.
 *
 * @param bits the field's value, 0..255
 */
public record Hj212Flag(int bits) {

	/** The flag this library sends in its own replies: version 2017, no acknowledgement wanted. */
	public static final Hj212Flag REPLY_2017 = new Hj212Flag(0b100);

	public Hj212Flag {
		if (bits < 0 || bits > 0xFF) {
			throw new IllegalArgumentException("Flag must be in 0..255 but was " + bits);
		}
	}

	/** Whether the sender expects a reply (9014 for data uploads) once the message has been handled. */
	public boolean needsAck() {
		return (bits & 0b01) != 0;
	}

	/** Whether the message is one packet of a split message. */
	public boolean packetised() {
		return (bits & 0b10) != 0;
	}

	/** The protocol edition: 1 for HJ 212-2017, 0 for HJ/T 212-2005. */
	public int version() {
		return bits >>> 2;
	}
}
