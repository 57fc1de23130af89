package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.EXAMPLE_FRAME;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.EXAMPLE_SEGMENT;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hj212CrcTests {

	@Test
	void reproducesTheChecksumOfTheStandardsExampleFrame() {
		assertThat(Hj212Crc.hex(Hj212Crc.of(ascii(EXAMPLE_SEGMENT)))).isEqualTo("1C80");
	}

	@Test
	void encodesTheStandardsExampleFrameByteForByte() {
		assertThat(Hj212Encoder.frame(EXAMPLE_SEGMENT)).isEqualTo(ascii(EXAMPLE_FRAME));
	}

	@Test
	void isNotTheModbusChecksum() {
		byte[] data = ascii(EXAMPLE_SEGMENT);

		assertThat(Hj212Crc.of(data)).isNotEqualTo(modbus(data));
	}

	@Test
	void changesWhenOneCharacterChanges() {
		byte[] altered = ascii(EXAMPLE_SEGMENT.replace("RtdInterval=30", "RtdInterval=31"));

		assertThat(Hj212Crc.of(altered)).isNotEqualTo(0x1C80);
	}

	/** The CRC a Modbus implementation would compute: the byte goes into the register's low byte unshifted. */
	private static int modbus(byte[] data) {
		int crc = 0xFFFF;
		for (byte b : data) {
			crc ^= b & 0xFF;
			for (int bit = 0; bit < 8; bit++) {
				crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
			}
		}
		return crc;
	}
}
