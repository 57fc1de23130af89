package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.EXAMPLE_FRAME;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.ascii;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.concat;
import static io.vigil.ingest.hj212.Hj212FrameBuilder.realTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.vigil.ingest.hj212.Hj212Error.Reason;
import org.junit.jupiter.api.Test;

class Hj212DecoderTests {

	private final Hj212Decoder decoder = new Hj212Decoder(Hj212Decoder.MAX_DATA_LENGTH);

	@Test
	void decodesTheStandardsExampleFrame() {
		Hj212Frame frame = onlyFrame(decoder.feed(ascii(EXAMPLE_FRAME)));

		assertThat(frame.header()).isEqualTo(new Hj212Header("20160801085857223", "32", "1062", "100000",
				"010000A8900016F000169DC0", new Hj212Flag(5), null, null));
		assertThat(frame.header().flag().needsAck()).isTrue();
		assertThat(frame.header().flag().version()).isEqualTo(1);
		assertThat(frame.cp()).containsExactly(java.util.Map.entry("RtdInterval", "30"));
		assertThat(frame.values()).isEmpty();
		assertThat(frame.dataType()).isEmpty();
	}

	@Test
	void readsRealTimeValuesWithTheirFlagsAndChinaStandardDataTime() {
		byte[] bytes = realTime().dataTime("20160801085857").rtd("a01001", "23.5", "N").rtd("a34004", "-1.25e2", "D")
			.bytes();

		Hj212Frame frame = onlyFrame(decoder.feed(bytes));

		assertThat(frame.dataType()).contains(Hj212DataType.REAL_TIME);
		assertThat(frame.dataTime()).isEqualTo(Instant.parse("2016-08-01T00:58:57Z"));
		assertThat(frame.values()).containsExactly(new Hj212Value("a01001", "Rtd", 23.5, "N"),
				new Hj212Value("a34004", "Rtd", -125.0, "D"));
		assertThat(frame.problems()).isEmpty();
	}

	@Test
	void readsEveryStatisticOfMinuteData() {
		byte[] bytes = Hj212FrameBuilder.ofCn("2051")
			.group("w01018-Min=1.0", "w01018-Avg=2.5", "w01018-Max=4", "w01018-Cou=30.2", "w01018-Flag=N")
			.group("w00000-Cou=12.7")
			.bytes();

		Hj212Frame frame = onlyFrame(decoder.feed(bytes));

		assertThat(frame.dataType()).contains(Hj212DataType.MINUTE);
		assertThat(frame.values()).containsExactly(new Hj212Value("w01018", "Min", 1.0, "N"),
				new Hj212Value("w01018", "Avg", 2.5, "N"), new Hj212Value("w01018", "Max", 4.0, "N"),
				new Hj212Value("w01018", "Cou", 30.2, "N"), new Hj212Value("w00000", "Cou", 12.7, null));
	}

	@Test
	void keepsUnreadableValuesApartFromTheirGoodNeighbours() {
		byte[] bytes = realTime().rtd("a01001", "abc", "N").rtd("a01002", "NaN", "N").rtd("a01003", "1e999", "N")
			.rtd("a01004", "7.5", "N").group("broken").bytes();

		List<Hj212Decoded> decoded = decoder.feed(bytes);

		Hj212Frame frame = onlyFrame(decoded);
		assertThat(frame.values()).containsExactly(new Hj212Value("a01004", "Rtd", 7.5, "N"));
		assertThat(frame.problems()).extracting(Hj212ItemProblem::key)
			.containsExactly("broken", "a01001-Rtd", "a01002-Rtd", "a01003-Rtd");
	}

	@Test
	void reportsAnImpossibleDataTimeAsAProblem() {
		Hj212Frame frame = onlyFrame(decoder.feed(realTime().dataTime("20160231250000").rtd("a01001", "1", "N").bytes()));

		assertThat(frame.dataTime()).isNull();
		assertThat(frame.problems()).containsExactly(new Hj212ItemProblem("DataTime", "20160231250000",
				"not a valid yyyyMMddHHmmss time"));
	}

	@Test
	void roundTripsADataSegmentUnchanged() {
		String segment = realTime().rtd("a01001", "23.5", "N").dataSegment();

		Hj212Frame frame = onlyFrame(decoder.feed(Hj212Encoder.frame(segment)));

		assertThat(frame.dataSegment()).isEqualTo(segment);
		assertThat(Hj212Encoder.frame(frame.dataSegment())).isEqualTo(Hj212Encoder.frame(segment));
	}

	@Test
	void decodesAFrameArrivingOneByteAtATime() {
		byte[] bytes = ascii(EXAMPLE_FRAME);
		List<Hj212Decoded> decoded = new ArrayList<>();

		for (int i = 0; i < bytes.length; i++) {
			List<Hj212Decoded> now = decoder.feed(bytes, i, 1);
			assertThat(now).as("output after byte %d", i).hasSize(i == bytes.length - 1 ? 1 : 0);
			decoded.addAll(now);
		}

		assertThat(onlyFrame(decoded).header().qn()).isEqualTo("20160801085857223");
	}

	@Test
	void decodesSeveralFramesArrivingInOneRead() {
		byte[] bytes = concat(realTime().qn("1").bytes(), realTime().qn("2").bytes(), realTime().qn("3").bytes());

		List<Hj212Decoded> decoded = decoder.feed(bytes);

		assertThat(decoded).extracting(item -> ((Hj212Frame) item).header().qn()).containsExactly("1", "2", "3");
	}

	@Test
	void decodesFramesSplitAcrossReadsAtArbitraryPoints() {
		byte[] bytes = concat(realTime().qn("1").bytes(), realTime().qn("2").bytes());
		List<Hj212Decoded> decoded = new ArrayList<>();

		decoded.addAll(decoder.feed(Arrays.copyOfRange(bytes, 0, 3)));
		decoded.addAll(decoder.feed(Arrays.copyOfRange(bytes, 3, bytes.length - 40)));
		decoded.addAll(decoder.feed(Arrays.copyOfRange(bytes, bytes.length - 40, bytes.length)));

		assertThat(decoded).extracting(item -> ((Hj212Frame) item).header().qn()).containsExactly("1", "2");
	}

	@Test
	void reportsGarbageBeforeAFrameAndThenDecodesTheFrame() {
		List<Hj212Decoded> decoded = decoder.feed(concat(ascii("AT+OK\r\n#"), ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		assertError(decoded.get(0), Reason.GARBAGE);
		assertThat(((Hj212Error) decoded.get(0)).rawText()).isEqualTo("AT+OK\r\n#");
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void findsAFrameRightAfterAStrayHash() {
		List<Hj212Decoded> decoded = decoder.feed(concat(ascii("#"), ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void rejectsABadCrcAndDecodesTheNextFrame() {
		byte[] corrupted = ascii(EXAMPLE_FRAME.replace("1C80", "1C81"));

		List<Hj212Decoded> decoded = decoder.feed(concat(corrupted, realTime().bytes()));

		assertThat(decoded).hasSize(2);
		Hj212Error error = assertError(decoded.get(0), Reason.BAD_CRC);
		assertThat(error.detail()).isEqualTo("CRC sent 1C81 but data segment gives 1C80");
		assertThat(error.raw()).isEqualTo(corrupted);
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void reportsATruncatedFrameAsSoonAsTheNextFrameStarts() {
		byte[] cut = Arrays.copyOf(realTime().rtd("a01001", "1", "N").bytes(), 50);

		List<Hj212Decoded> decoded = decoder.feed(concat(cut, ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		assertThat(assertError(decoded.get(0), Reason.TRUNCATED).raw()).isEqualTo(cut);
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void reportsATruncatedFrameWhenTheInputEnds() {
		byte[] cut = Arrays.copyOf(ascii(EXAMPLE_FRAME), 60);

		assertThat(decoder.feed(cut)).isEmpty();
		List<Hj212Decoded> decoded = decoder.endOfInput();

		assertThat(decoded).hasSize(1);
		assertThat(assertError(decoded.get(0), Reason.TRUNCATED).length()).isEqualTo(60);
		assertThat(decoder.feed(ascii(EXAMPLE_FRAME))).hasSize(1).first().isInstanceOf(Hj212Frame.class);
	}

	@Test
	void rejectsAFrameLongerThanTheConfiguredMaximumWithoutTreatingItsBodyAsGarbage() {
		Hj212Decoder small = new Hj212Decoder(120);
		byte[] big = realTime().group("a01001-Rtd=" + "1".repeat(200)).bytes();

		List<Hj212Decoded> decoded = small.feed(concat(big, ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		assertThat(assertError(decoded.get(0), Reason.OVERSIZED).detail()).contains("exceeds the maximum of 120");
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void refusesAMaximumBeyondWhatFourDigitsCanDeclare() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Hj212Decoder(10_000));
	}

	@Test
	void rejectsANonNumericLengthAndDecodesTheNextFrame() {
		byte[] bad = ascii(EXAMPLE_FRAME.replace("##0101", "##01x1"));

		List<Hj212Decoded> decoded = decoder.feed(concat(bad, ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		Hj212Error error = assertError(decoded.get(0), Reason.NON_DIGIT_LENGTH);
		assertThat(error.raw()).isEqualTo(bad);
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void rejectsAFrameWhoseLengthFieldUndercountsItsData() {
		byte[] wrongLength = ascii(EXAMPLE_FRAME.replace("##0101", "##0099"));

		List<Hj212Decoded> decoded = decoder.feed(concat(wrongLength, ascii(EXAMPLE_FRAME)));

		assertThat(decoded).hasSize(2);
		assertError(decoded.get(0), Reason.MALFORMED_TRAILER);
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void rejectsAnIntactFrameWithoutAnMn() {
		byte[] noMn = Hj212Encoder.frame("QN=1;ST=22;CN=2011;PW=123456;Flag=5;CP=&&DataTime=20160801085857&&");

		List<Hj212Decoded> decoded = decoder.feed(concat(noMn, ascii(EXAMPLE_FRAME)));

		assertThat(assertError(decoded.get(0), Reason.MALFORMED_DATA_SEGMENT).detail())
			.isEqualTo("mandatory field MN missing or empty");
		assertThat(decoded.get(1)).isInstanceOf(Hj212Frame.class);
	}

	@Test
	void boundsTheRawBytesKeptForAFloodOfGarbage() {
		byte[] flood = new byte[1_000_000];
		Arrays.fill(flood, (byte) 'x');

		assertThat(decoder.feed(flood)).isEmpty();
		List<Hj212Decoded> decoded = decoder.endOfInput();

		Hj212Error error = assertError(decoded.get(0), Reason.GARBAGE);
		assertThat(error.length()).isEqualTo(1_000_000);
		assertThat(error.raw()).hasSize(Hj212Decoder.MAX_RAW_BYTES);
	}

	private static Hj212Frame onlyFrame(List<Hj212Decoded> decoded) {
		assertThat(decoded).hasSize(1);
		assertThat(decoded.get(0)).isInstanceOf(Hj212Frame.class);
		return (Hj212Frame) decoded.get(0);
	}

	private static Hj212Error assertError(Hj212Decoded decoded, Reason reason) {
		assertThat(decoded).isInstanceOf(Hj212Error.class);
		Hj212Error error = (Hj212Error) decoded;
		assertThat(error.reason()).as(error.toString()).isEqualTo(reason);
		return error;
	}
}
