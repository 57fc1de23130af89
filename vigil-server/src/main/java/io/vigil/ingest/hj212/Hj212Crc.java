package io.vigil.ingest.hj212;

/**
 * The CRC16 of HJ 212-2017 (appendix A): register 0xFFFF, each byte XORed into the <em>low</em> byte after the
 * register is shifted right by 8, then eight reflected 0xA001 steps. It differs from Modbus CRC16, which keeps
 * the high byte, so a Modbus implementation gives different checksums for the same data segment.
 */
public final class Hj212Crc {

	private Hj212Crc() {
	}

	/** The checksum of {@code length} bytes of {@code data} starting at {@code offset}, in 0..0xFFFF. */
	public static int of(byte[] data, int offset, int length) {
		int crc = 0xFFFF;
		for (int i = offset; i < offset + length; i++) {
			crc = (crc >>> 8) ^ (data[i] & 0xFF);
			for (int bit = 0; bit < 8; bit++) {
				boolean carry = (crc & 1) != 0;
				crc >>>= 1;
				if (carry) {
					crc ^= 0xA001;
				}
			}
		}
		return crc;
	}

	/** The checksum of all of {@code data}. */
	public static int of(byte[] data) {
		return of(data, 0, data.length);
	}

	/** The checksum as it appears on the wire: four uppercase hexadecimal digits. */
	public static String hex(int crc) {
		return String.format("%04X", crc);
	}
}
