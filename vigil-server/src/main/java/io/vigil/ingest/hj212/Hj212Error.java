package io.vigil.ingest.hj212;

import java.nio.charset.StandardCharsets;

/**
 * Input the {@link Hj212Decoder} had to discard, with the reason. {@link #raw()} holds the discarded bytes as far
 * as they had arrived when the decision was made, cut at {@link Hj212Decoder#MAX_RAW_BYTES}, so that quarantine
 * stays bounded whatever a peer sends; {@link #length()} is how many bytes the error accounts for.
 *
 * @param reason why the input was discarded
 * @param detail a human-readable precise explanation (expected vs. actual)
 * @param raw the first bytes of the discarded input
 * @param length the number of input bytes this error accounted for when raised ({@code >= raw.length}); after
 *     {@link Reason#OVERSIZED}, {@link Reason#NON_DIGIT_LENGTH} and {@link Reason#MALFORMED_TRAILER} the decoder
 *     silently skips to the next {@code ##}, and those bytes are not counted
 */
public record Hj212Error(Reason reason, String detail, byte[] raw, long length) implements Hj212Decoded {

	/** Why input was discarded. */
	public enum Reason {
		/** Bytes outside any frame (before the first {@code ##}, or between frames). */
		GARBAGE,
		/** The four characters after {@code ##} are not decimal digits. */
		NON_DIGIT_LENGTH,
		/** The declared data-segment length exceeds the configured maximum. */
		OVERSIZED,
		/** The frame ended (next {@code ##}, end of stream or idle timeout) before its declared length. */
		TRUNCATED,
		/** The four CRC characters are not hexadecimal or the frame does not end with CR LF where its length says. */
		MALFORMED_TRAILER,
		/** The CRC sent does not match the data segment. */
		BAD_CRC,
		/** The frame is intact but its data segment lacks the HJ 212 structure or a mandatory field. */
		MALFORMED_DATA_SEGMENT
	}

	public Hj212Error {
		raw = raw.clone();
	}

	@Override
	public byte[] raw() {
		return raw.clone();
	}

	/** The raw bytes as text, one char per byte, for logs and quarantine views. */
	public String rawText() {
		return new String(raw, StandardCharsets.ISO_8859_1);
	}

	@Override
	public String toString() {
		return "Hj212Error[" + reason + ": " + detail + ", " + length + " bytes]";
	}
}
