package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.EXAMPLE_FRAME;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class Hj212EncoderTests {

	@Test
	void answersA2017UploadWithTheRequestsQnAndAnEmptyCp() {
		Hj212Frame request = (Hj212Frame) new Hj212Decoder(9999).feed(ascii(EXAMPLE_FRAME)).get(0);

		assertThat(Hj212Encoder.dataReply(request.header()))
			.isEqualTo("QN=20160801085857223;ST=91;CN=9014;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&");
	}

	@Test
	void answersA2005UploadWithTheQnInsideCp() {
		Hj212Header request = new Hj212Header("20040516010101001", "32", "2011", "123456", "88888880000001",
				new Hj212Flag(1), null, null);

		assertThat(Hj212Encoder.dataReply(request))
			.isEqualTo("ST=91;CN=9014;PW=123456;MN=88888880000001;Flag=0;CP=&&QN=20040516010101001&&");
	}

	@Test
	void framesAReplyThatTheDecoderAccepts() {
		Hj212Header request = new Hj212Header("1", "22", "2011", "123456", "MN1", new Hj212Flag(5), null, null);

		Hj212Decoded reply = new Hj212Decoder(9999).feed(Hj212Encoder.dataReplyFrame(request)).get(0);

		assertThat(reply).isInstanceOf(Hj212Frame.class);
		assertThat(((Hj212Frame) reply).header().cn()).isEqualTo("9014");
		assertThat(((Hj212Frame) reply).header().flag().needsAck()).isFalse();
	}

	@Test
	void refusesDataThatWouldBreakFraming() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Encoder.frame("QN=1;CP=&&a=#&&"));
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Encoder.frame("x".repeat(10_000)));
	}
}
