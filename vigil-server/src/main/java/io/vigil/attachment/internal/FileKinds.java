package io.vigil.attachment.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises the file kinds Vigil accepts as attachments by their first bytes, because the content type a
 * browser sends is only the file name's extension in disguise.
 */
public final class FileKinds {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

	private FileKinds() {
	}

	/** The content type of an accepted kind, or empty when the bytes are none of them. */
	public static Optional<String> detect(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 0, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
			return Optional.of("image/webp");
		}
		if (startsWith(bytes, 0, PDF)) {
			return Optional.of("application/pdf");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		return bytes.length >= offset + prefix.length
				&& Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
	}
}
