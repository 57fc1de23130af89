package io.vigil.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flag = V5 V4 V3 V2 V1 V0 D A (HJ 212-2017 §6.3): A is bit 0, D bit 1, the version bits 7..2. */
class Hj212FlagTests {

	@Test
	void readsThe2017Values() {
		assertThat(new Hj212Flag(4)).satisfies(flag -> {
			assertThat(flag.version()).isEqualTo(1);
			assertThat(flag.needsAck()).isFalse();
			assertThat(flag.packetised()).isFalse();
		});
		assertThat(new Hj212Flag(5)).satisfies(flag -> {
			assertThat(flag.version()).isEqualTo(1);
			assertThat(flag.needsAck()).isTrue();
			assertThat(flag.packetised()).isFalse();
		});
		assertThat(new Hj212Flag(7)).satisfies(flag -> {
			assertThat(flag.version()).isEqualTo(1);
			assertThat(flag.needsAck()).isTrue();
			assertThat(flag.packetised()).isTrue();
		});
	}

	@Test
	void readsThe2005Values() {
		assertThat(new Hj212Flag(1).version()).isZero();
		assertThat(new Hj212Flag(1).needsAck()).isTrue();
		assertThat(new Hj212Flag(0).needsAck()).isFalse();
	}

	@Test
	void repliesSayVersion2017AndAskForNothing() {
		assertThat(Hj212Flag.REPLY_2017.bits()).isEqualTo(4);
		assertThat(Hj212Flag.REPLY_2017.needsAck()).isFalse();
		assertThat(Hj212Flag.REPLY_2017.packetised()).isFalse();
	}
}
