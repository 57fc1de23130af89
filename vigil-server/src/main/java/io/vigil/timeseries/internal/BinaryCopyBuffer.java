package io.vigil.timeseries.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.vigil.timeseries.SensorReading;

/**
 * Encodes readings in PostgreSQL's binary COPY format (header, one tuple per reading, trailer) for
 * {@code COPY readings_staging (sensor_id, ts, value, flag, valid, out_of_range, domain) FROM STDIN
 * (FORMAT binary)}. Binary spares the server parsing numbers and timestamps from text; the domain goes as
 * its smallint id (6 bytes a row). The buffer is reused from batch to batch by the single writer thread.
 */
final class BinaryCopyBuffer {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's timestamp epoch. */
	private static final long PG_EPOCH_SECONDS = 946_684_800L;

	/** The encoded one-letter flags, by letter: a table look-up per row instead of a map's. */
	private static final byte[][] LETTERS = new byte[128][];

	static {
		for (char c = 0; c < LETTERS.length; c++) {
			LETTERS[c] = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
		}
	}

	private byte[] bytes = new byte[1 << 20];

	private int length;

	private final ReadingDomains domains;

	BinaryCopyBuffer(ReadingDomains domains) {
		this.domains = domains;
	}

	void encode(List<SensorReading> readings) {
		length = 0;
		ensure(HEADER.length + readings.size() * 70 + 2);
		System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
		length = HEADER.length;
		String domain = null;
		short domainId = ReadingDomains.NONE;
		for (SensorReading reading : readings) {
			if (reading.domain() != domain) { // nearly always the same few interned codes
				domain = reading.domain();
				domainId = domains.id(domain);
			}
			byte[] flag = flag(reading.flag());
			ensure(length + 66 + flag.length);
			putShort(7);
			putInt(8);
			putLong(reading.sensorId());
			putInt(8);
			putLong(micros(reading.ts()));
			putInt(8);
			putLong(Double.doubleToRawLongBits(reading.value()));
			putInt(flag.length);
			System.arraycopy(flag, 0, bytes, length, flag.length);
			length += flag.length;
			putInt(1);
			bytes[length++] = (byte) (reading.valid() ? 1 : 0);
			putInt(1);
			bytes[length++] = (byte) (reading.outOfRange() ? 1 : 0);
			putInt(2);
			putShort(domainId);
		}
		ensure(length + 2);
		putShort(-1);
	}

	byte[] bytes() {
		return bytes;
	}

	java.io.InputStream input() {
		return new java.io.ByteArrayInputStream(bytes, 0, length);
	}

	int length() {
		return length;
	}

	static long micros(Instant ts) {
		return Math.addExact(Math.multiplyExact(ts.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
				ts.getNano() / 1_000);
	}

	private static byte[] flag(String flag) {
		if (flag == null || flag.isEmpty()) {
			return LETTERS['N'];
		}
		char letter = flag.charAt(0);
		return flag.length() == 1 && letter < LETTERS.length ? LETTERS[letter] : flag.getBytes(StandardCharsets.UTF_8);
	}

	private void ensure(int capacity) {
		if (capacity > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
		}
	}

	private void putShort(int v) {
		bytes[length++] = (byte) (v >>> 8);
		bytes[length++] = (byte) v;
	}

	private void putInt(int v) {
		bytes[length++] = (byte) (v >>> 24);
		bytes[length++] = (byte) (v >>> 16);
		bytes[length++] = (byte) (v >>> 8);
		bytes[length++] = (byte) v;
	}

	private void putLong(long v) {
		putInt((int) (v >>> 32));
		putInt((int) v);
	}
}
