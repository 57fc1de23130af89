package io.vigil.ingest.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Builds complete frames ({@code ##}, length, data segment, CRC, CR LF) and the replies a receiver owes.
 * Text is mapped to bytes one char per byte (ISO-8859-1), the same way the {@link Hj212Decoder} reads it,
 * so a received data segment re-encodes to the identical bytes.
 */
public final class Hj212Encoder {

	private Hj212Encoder() {
	}

	/**
	 * The full frame around a data segment.
	 * @throws IllegalArgumentException when the segment exceeds {@value Hj212Decoder#MAX_DATA_LENGTH} bytes or
	 *     contains characters that cannot travel in a frame ({@code #}, CR, LF, or beyond ISO-8859-1)
	 */
	public static byte[] frame(String dataSegment) {
		byte[] data = dataSegment.getBytes(StandardCharsets.ISO_8859_1);
		if (data.length > Hj212Decoder.MAX_DATA_LENGTH) {
			throw new IllegalArgumentException("data segment of " + data.length + " bytes exceeds "
					+ Hj212Decoder.MAX_DATA_LENGTH);
		}
		for (int i = 0; i < dataSegment.length(); i++) {
			char c = dataSegment.charAt(i);
			if (c == '#' || c == '\r' || c == '\n' || c > 0xFF) {
				throw new IllegalArgumentException("data segment contains '" + c + "' at " + i
						+ ", which would break framing");
			}
		}
		String head = String.format("##%04d", data.length);
		String tail = Hj212Crc.hex(Hj212Crc.of(data)) + "\r\n";
		byte[] frame = new byte[head.length() + data.length + tail.length()];
		System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, frame, 0, head.length());
		System.arraycopy(data, 0, frame, head.length(), data.length);
		System.arraycopy(tail.getBytes(StandardCharsets.ISO_8859_1), 0, frame, head.length() + data.length, tail.length());
		return frame;
	}

	/**
	 * The data segment of the data reply (CN 9014) to an upload. For a 2017 frame (version bits 000001) this is
	 * the form of HJ 212-2017: the request's {@code QN} heads the reply and {@code CP} is empty,
	 * {@code QN=..;ST=91;CN=9014;PW=..;MN=..;Flag=4;CP=&&&&}. A 2005-edition frame (version bits 0) gets the
	 * 2005 form, which carries the {@code QN} inside {@code CP}: {@code ST=91;CN=9014;PW=..;MN=..;Flag=0;CP=&&QN=..&&}.
	 *
	 * <p>Why each 2017 field is what it is (re-checked against HJ 212-2017 §6.3, the data segment table, its
	 * command table and the data-reply example of its appendix,
	 * {@code QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&}):
	 * {@code QN} repeats the request's, because in 2017 QN is how a logger pairs a reply with the upload it sent
	 * (2005 had no QN on uploads, hence its place in CP there); {@code ST=91} is the system-interaction code, used
	 * for every reply whatever the request's ST; {@code PW} and {@code MN} echo the request's, the reply addressing
	 * the same logger with its own credentials; {@code Flag=4} is version 000001 with A=0 (a reply is never itself
	 * answered) and D=0 (a reply is one packet).
	 */
	public static String dataReply(Hj212Header request) {
		if (request.flag().version() == 0) {
			return "ST=91;CN=9014;PW=" + request.pw() + ";MN=" + request.mn() + ";Flag=0;CP=&&"
					+ (request.qn() == null ? "" : "QN=" + request.qn()) + "&&";
		}
		return (request.qn() == null ? "" : "QN=" + request.qn() + ";") + "ST=91;CN=9014;PW=" + request.pw() + ";MN="
				+ request.mn() + ";Flag=" + Hj212Flag.REPLY_2017.bits() + ";CP=&&&&";
	}

	/** {@link #dataReply(Hj212Header)} as a complete frame. */
	public static byte[] dataReplyFrame(Hj212Header request) {
		return frame(dataReply(request));
	}
}
