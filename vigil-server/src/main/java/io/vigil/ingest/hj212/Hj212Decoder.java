package io.vigil.ingest.hj212;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a byte stream into HJ 212 frames and errors, in input order. Frames may arrive split across reads or
 * several in one read; anything that is not a valid frame becomes a {@link Hj212Error} and the decoder
 * resynchronises on the next {@code ##}, so one bad frame never costs the good frame after it. A {@code ##}
 * inside a frame's declared extent means that frame was cut short (the data segment is ASCII without
 * {@code #}), which lets a truncated frame be reported without waiting for bytes that will never come.
 *
 * <p>Memory is bounded: at most one frame ({@link #MAX_FRAME_BYTES}) plus one read chunk is buffered, and
 * error payloads are cut at {@link #MAX_RAW_BYTES}. Not thread-safe: use one decoder per connection.
 */
public final class Hj212Decoder {

	/** The largest data-segment length the four-digit length field can express. */
	public static final int MAX_DATA_LENGTH = 9999;

	/** {@code ##} and four length digits. */
	static final int HEADER_BYTES = 6;

	/** Four CRC digits and CR LF. */
	static final int TRAILER_BYTES = 6;

	public static final int MAX_FRAME_BYTES = HEADER_BYTES + MAX_DATA_LENGTH + TRAILER_BYTES;

	/** Errors keep at most this many raw bytes: enough for any whole frame. */
	public static final int MAX_RAW_BYTES = MAX_FRAME_BYTES;

	private static final int CHUNK = 8192;

	private final int maxDataLength;

	private byte[] buffer = new byte[CHUNK];

	private int start;

	private int end;

	/** Where the search for a {@code ##} inside the pending frame resumes, so byte-wise input stays linear. */
	private int scannedTo;

	/** After an error whose extent is unknown, bytes up to the next {@code ##} belong to it, not to garbage. */
	private boolean skipping;

	private long garbageLength;

	private final ByteArrayOutputStream garbage = new ByteArrayOutputStream();

	/**
	 * @param maxDataLength data segments declared longer than this are rejected as {@link Hj212Error.Reason#OVERSIZED}
	 *     without being buffered; 1..{@value #MAX_DATA_LENGTH}
	 */
	public Hj212Decoder(int maxDataLength) {
		if (maxDataLength < 1 || maxDataLength > MAX_DATA_LENGTH) {
			throw new IllegalArgumentException("maxDataLength must be in 1.." + MAX_DATA_LENGTH + " but was " + maxDataLength);
		}
		this.maxDataLength = maxDataLength;
	}

	/** Decodes everything these bytes complete; bytes of an unfinished frame are kept for the next call. */
	public List<Hj212Decoded> feed(byte[] data, int offset, int length) {
		List<Hj212Decoded> out = new ArrayList<>();
		for (int at = offset; at < offset + length; at += CHUNK) {
			append(data, at, Math.min(CHUNK, offset + length - at));
			drain(out);
		}
		return out;
	}

	public List<Hj212Decoded> feed(byte[] data) {
		return feed(data, 0, data.length);
	}

	/**
	 * The input has ended (peer closed, idle timeout): an unfinished frame becomes {@link Hj212Error.Reason#TRUNCATED},
	 * pending stray bytes {@link Hj212Error.Reason#GARBAGE}. The decoder is then empty and may be reused.
	 */
	public List<Hj212Decoded> endOfInput() {
		List<Hj212Decoded> out = new ArrayList<>();
		if (end - start >= 2 && startsFrame(start)) {
			out.add(error(Hj212Error.Reason.TRUNCATED, "input ended after " + (end - start) + " bytes of an unfinished frame",
					start, end));
		}
		else if (!skipping) {
			discard(start, end);
		}
		flushGarbage(out);
		start = 0;
		end = 0;
		scannedTo = 0;
		skipping = false;
		return out;
	}

	private void drain(List<Hj212Decoded> out) {
		while (end > start) {
			int frameAt = indexOfHashes(start, end);
			if (frameAt != start) {
				// Keep a trailing '#': it may be the first half of the next frame's "##".
				int stop = frameAt >= 0 ? frameAt : (buffer[end - 1] == '#' ? end - 1 : end);
				if (!skipping) {
					discard(start, stop);
				}
				start = stop;
				scannedTo = start;
				if (frameAt < 0) {
					return;
				}
			}
			if (end - start >= 3 && buffer[start + 2] == '#') {
				// In "###0101..." the frame starts at the last pair; the hashes before it are stray bytes.
				if (!skipping) {
					discard(start, start + 1);
				}
				start += 1;
				scannedTo = start;
				continue;
			}
			skipping = false;
			flushGarbage(out);
			if (!decodeFrameAtStart(out)) {
				return;
			}
		}
	}

	/** @return false when more input is needed */
	private boolean decodeFrameAtStart(List<Hj212Decoded> out) {
		int digitsEnd = Math.min(end, start + HEADER_BYTES);
		for (int i = start + 2; i < digitsEnd; i++) {
			if (buffer[i] < '0' || buffer[i] > '9') {
				out.add(error(Hj212Error.Reason.NON_DIGIT_LENGTH, "length field '" + text(start + 2, digitsEnd)
						+ "' is not four decimal digits", start, untilNextFrame(start + 1)));
				resyncAfterUnknownExtent();
				return true;
			}
		}
		if (digitsEnd < start + HEADER_BYTES) {
			return false;
		}
		int length = Integer.parseInt(text(start + 2, start + HEADER_BYTES));
		if (length > maxDataLength) {
			out.add(error(Hj212Error.Reason.OVERSIZED, "declared data length " + length + " exceeds the maximum of "
					+ maxDataLength, start, Math.min(end, start + HEADER_BYTES + length + TRAILER_BYTES)));
			resyncAfterUnknownExtent();
			return true;
		}
		int frameEnd = start + HEADER_BYTES + length + TRAILER_BYTES;
		int nextFrame = indexOfHashes(Math.max(scannedTo, start + HEADER_BYTES), Math.min(end, frameEnd));
		if (nextFrame >= 0) {
			out.add(error(Hj212Error.Reason.TRUNCATED, "declared data length " + length + " but the next frame starts after "
					+ (nextFrame - start) + " bytes", start, nextFrame));
			start = nextFrame;
			scannedTo = start;
			return true;
		}
		if (end < frameEnd) {
			// The last byte may be the first '#' of a "##"; look at it again when more input arrives.
			scannedTo = Math.max(start + HEADER_BYTES, end - 1);
			return false;
		}
		decodeCompleteFrame(out, length, frameEnd);
		return true;
	}

	private void decodeCompleteFrame(List<Hj212Decoded> out, int length, int frameEnd) {
		int crcAt = start + HEADER_BYTES + length;
		String crcText = text(crcAt, crcAt + 4);
		if (!crcText.matches("[0-9A-Fa-f]{4}") || buffer[frameEnd - 2] != '\r' || buffer[frameEnd - 1] != '\n') {
			out.add(error(Hj212Error.Reason.MALFORMED_TRAILER, "expected 4 hex digits and CR LF after the " + length
					+ "-byte data segment but found '" + printable(crcAt, frameEnd) + "'", start, frameEnd));
			resyncAfterUnknownExtent();
			return;
		}
		int expected = Hj212Crc.of(buffer, start + HEADER_BYTES, length);
		if (expected != Integer.parseInt(crcText, 16)) {
			out.add(error(Hj212Error.Reason.BAD_CRC, "CRC sent " + crcText + " but data segment gives "
					+ Hj212Crc.hex(expected), start, frameEnd));
		}
		else {
			try {
				out.add(DataSegmentParser.parse(text(start + HEADER_BYTES, crcAt)));
			}
			catch (DataSegmentParser.MalformedDataSegment ex) {
				out.add(error(Hj212Error.Reason.MALFORMED_DATA_SEGMENT, ex.getMessage(), start, frameEnd));
			}
		}
		// The CR LF was where the length said, so the frame's boundaries are trusted even when its content is not.
		start = frameEnd;
		scannedTo = start;
	}

	/** Resume the search one byte on: the bytes after a rejected "##" may hold the real start of a frame. */
	private void resyncAfterUnknownExtent() {
		start += 1;
		scannedTo = start;
		skipping = true;
	}

	private int untilNextFrame(int from) {
		int next = indexOfHashes(from, end);
		return next < 0 ? end : next;
	}

	private boolean startsFrame(int at) {
		return buffer[at] == '#' && buffer[at + 1] == '#';
	}

	private int indexOfHashes(int from, int to) {
		for (int i = from; i < to - 1; i++) {
			if (buffer[i] == '#' && buffer[i + 1] == '#') {
				return i;
			}
		}
		return -1;
	}

	private void discard(int from, int to) {
		garbageLength += to - from;
		int room = MAX_RAW_BYTES - garbage.size();
		garbage.write(buffer, from, Math.min(room, to - from));
	}

	private void flushGarbage(List<Hj212Decoded> out) {
		if (garbageLength > 0) {
			out.add(new Hj212Error(Hj212Error.Reason.GARBAGE, garbageLength + " bytes outside any frame",
					garbage.toByteArray(), garbageLength));
			garbage.reset();
			garbageLength = 0;
		}
	}

	private Hj212Error error(Hj212Error.Reason reason, String detail, int from, int to) {
		return new Hj212Error(reason, detail, Arrays.copyOfRange(buffer, from, Math.min(to, from + MAX_RAW_BYTES)), to - from);
	}

	private String text(int from, int to) {
		return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
	}

	private String printable(int from, int to) {
		return text(from, to).replace("\r", "\\r").replace("\n", "\\n");
	}

	private void append(byte[] data, int offset, int length) {
		if (end + length > buffer.length) {
			int pending = end - start;
			byte[] target = pending + length > buffer.length
					? new byte[Math.max(pending + length, Math.min(2 * buffer.length, MAX_FRAME_BYTES + CHUNK))]
					: buffer;
			System.arraycopy(buffer, start, target, 0, pending);
			buffer = target;
			scannedTo -= start;
			start = 0;
			end = pending;
		}
		System.arraycopy(data, offset, buffer, end, length);
		end += length;
	}
}
