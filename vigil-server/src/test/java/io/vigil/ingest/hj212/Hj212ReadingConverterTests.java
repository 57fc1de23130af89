package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.realTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Hj212ReadingConverterTests {

	private static final Instant DATA_TIME = Instant.parse("2016-08-01T00:58:57Z");

	private final Hj212Mapping mapping = Hj212Mapping.parse("""
			# MN, code, sensor
			88888880000001,a01001,ENT1-TEMP
			88888880000001, a34004 ,ENT1-PM25

			88888880000001,w00000-Cou,ENT1-FLOW-TOTAL
			""");

	private final Hj212ReadingConverter converter = new Hj212ReadingConverter(mapping);

	@Test
	void turnsMappedRealTimeValuesIntoReadingsKeepingTheirFlags() {
		Hj212Conversion conversion = convert(realTime().rtd("a01001", "23.5", "N").rtd("a34004", "80", "D"));

		assertThat(conversion.readings()).containsExactly(new Hj212Reading("ENT1-TEMP", DATA_TIME, 23.5, "N"),
				new Hj212Reading("ENT1-PM25", DATA_TIME, 80, "D"));
		assertThat(conversion.rejections()).isEmpty();
	}

	@Test
	void takesTheAverageOfStatisticsAndExplicitlyMappedFieldsOnly() {
		Hj212Conversion conversion = convert(Hj212FrameBuilder.ofCn("2061")
			.group("a01001-Min=20", "a01001-Avg=21.5", "a01001-Max=23", "a01001-Flag=N")
			.group("w00000-Cou=1200"));

		assertThat(conversion.readings()).containsExactly(new Hj212Reading("ENT1-TEMP", DATA_TIME, 21.5, "N"),
				new Hj212Reading("ENT1-FLOW-TOTAL", DATA_TIME, 1200, null));
		assertThat(conversion.rejections()).isEmpty();
	}

	@Test
	void rejectsUnmappedCodesAndUnreadableValuesButKeepsTheirNeighbours() {
		Hj212Conversion conversion = convert(
				realTime().rtd("a01001", "23.5", "N").rtd("a99999", "1", "N").rtd("a34004", "x", "N"));

		assertThat(conversion.readings()).extracting(Hj212Reading::sensorCode).containsExactly("ENT1-TEMP");
		assertThat(conversion.rejections()).containsExactlyInAnyOrder(
				new Hj212Rejection("88888880000001", "a99999-Rtd", "no sensor is mapped for code a99999 of MN 88888880000001"),
				new Hj212Rejection("88888880000001", "a34004-Rtd", "not a decimal number (was 'x')"));
	}

	@Test
	void rejectsEveryValueOfAnUnknownDataLogger() {
		Hj212Conversion conversion = convert(realTime().mn("OTHER").rtd("a01001", "1", "N").rtd("a34004", "2", "N"));

		assertThat(conversion.readings()).isEmpty();
		assertThat(conversion.rejections()).extracting(Hj212Rejection::reason)
			.containsOnly("no sensor is mapped for data logger MN OTHER").hasSize(2);
	}

	@Test
	void rejectsValuesOfAFrameWithoutDataTime() {
		Hj212Conversion conversion = convert(realTime().dataTime(null).rtd("a01001", "1", "N"));

		assertThat(conversion.readings()).isEmpty();
		assertThat(conversion.rejections()).extracting(Hj212Rejection::reason)
			.containsExactly("the frame has no valid DataTime");
	}

	@Test
	void convertsFramesThatAreNotUploadsToNothing() {
		Hj212Conversion conversion = convert(Hj212FrameBuilder.ofCn("1062").rtd("a01001", "1", "N"));

		assertThat(conversion.readings()).isEmpty();
		assertThat(conversion.rejections()).isEmpty();
	}

	@Test
	void mappingFromAMapAnswersLikeTheTextForm() {
		Hj212Mapping fromMap = Hj212Mapping.of(Map.of("MN1", Map.of("a01001", "S1")));

		assertThat(fromMap.sensor("MN1", "a01001")).contains("S1");
		assertThat(fromMap.sensor("MN1", "a01002")).isEmpty();
		assertThat(fromMap.knows("MN2")).isFalse();
	}

	@Test
	void mappingNamesTheLineThatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Mapping.parse(List.of("MN1,a01001,S1", "MN1,a01002")))
			.withMessage("line 2 is neither MN,code,sensor nor MN,PW=password: MN1,a01002");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Hj212Mapping.parse(List.of("MN1,a01001,S1", "MN1,a01001,S2")))
			.withMessage("line 2 maps MN1/a01001 again");
	}

	private Hj212Conversion convert(Hj212FrameBuilder builder) {
		return converter.convert((Hj212Frame) new Hj212Decoder(9999).feed(builder.bytes()).get(0));
	}
}
