package io.vigil.ingest.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Passes a stream through and remembers its first bytes, so that a refused body can be quarantined. */
final class PrefixRecordingStream extends FilterInputStream {

	private final byte[] prefix;

	private int recorded;

	PrefixRecordingStream(InputStream in, int bytes) {
		super(in);
		this.prefix = new byte[bytes];
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0 && recorded < prefix.length) {
			prefix[recorded++] = (byte) b;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0 && recorded < prefix.length) {
			int copy = Math.min(n, prefix.length - recorded);
			System.arraycopy(buffer, offset, prefix, recorded, copy);
			recorded += copy;
		}
		return n;
	}

	/** The first bytes read, as UTF-8 (a character cut at the end shows as a replacement character). */
	String prefix() {
		return new String(Arrays.copyOf(prefix, recorded), StandardCharsets.UTF_8);
	}
}
