package io.vigil.ingest.hj212;

/**
 * The fields of a data segment before {@code CP}. Optional fields are {@code null} when absent: data loggers
 * that still speak the 2005 edition omit {@code QN} (and often {@code Flag}) on uploads.
 *
 * @param qn request number, {@code yyyyMMddHHmmssSSS}, or {@code null}
 * @param st system code (e.g. 22 air, 32 surface water, 91 system interaction)
 * @param cn command code (e.g. 2011 real-time data, 9014 data reply)
 * @param pw access password
 * @param mn the device's unique number
 * @param flag the flag bits; {@code 0} when the field is absent, which asks for no reply
 * @param pnum total number of packets, or {@code null} when not packetised
 * @param pno this packet's number, or {@code null} when not packetised
 */
public record Hj212Header(String qn, String st, String cn, String pw, String mn, Hj212Flag flag, Integer pnum,
		Integer pno) {

	public Hj212Header {
		requireText("ST", st);
		requireText("CN", cn);
		requireText("PW", pw);
		requireText("MN", mn);
		if (flag == null) {
			throw new IllegalArgumentException("Flag must not be null");
		}
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(field + " must not be empty");
		}
	}
}
