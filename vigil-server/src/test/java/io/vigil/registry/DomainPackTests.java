package io.vigil.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vigil.registry.internal.BadDomainPackException;
import io.vigil.registry.internal.DomainPackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped packs load and say what the standards say; bad packs stop the start with a clear message. */
class DomainPackTests {

	private final DomainPackLoader loader = new DomainPackLoader(JsonMapper.builder().build());

	@Test
	void shippedPacksCarryTheStandardSetPoints() {
		List<DomainPack> packs = loader.load(null);

		assertThat(packs).extracting(DomainPack::code).contains("hazchem_pipeline", "gas", "water", "fire");
		DomainPack hazchem = packs.stream().filter(p -> p.code().equals("hazchem_pipeline")).findFirst().orElseThrow();
		SensorType gas = sensor(hazchem, "combustible_gas");
		assertThat(gas.unit()).isEqualTo("%LEL");
		assertThat(gas.thresholds()).isEqualTo(new Thresholds(25.0, 50.0, null, null));
		assertThat(sensor(hazchem, "toxic_gas").thresholds()).isEqualTo(new Thresholds(100.0, 200.0, null, null));
		assertThat(sensor(hazchem, "oxygen").thresholds()).isEqualTo(new Thresholds(23.5, null, 19.5, null));
		assertThat(sensor(hazchem, "cathodic_protection").thresholds().high()).isEqualTo(-0.85);
		AssetType segment = hazchem.assetTypes().stream().filter(t -> t.code().equals("pipeline_segment")).findFirst()
			.orElseThrow();
		assertThat(segment.geometry()).isEqualTo("LineString");
		AssetType source = hazchem.assetTypes().stream().filter(t -> t.code().equals("major_hazard_source")).findFirst()
			.orElseThrow();
		assertThat(source.attributes()).filteredOn(AttributeSpec::required).extracting(AttributeSpec::code)
			.containsExactlyInAnyOrder("grade", "principal", "technical", "operational");
		assertThat(hazchem.source()).isEqualTo("classpath:domain-packs/hazchem_pipeline.json");
	}

	@Test
	void aPackInTheDataDirectoryAddsTypesWithoutCode(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("rail.json"), pack("""
				"assetTypes": [{"code": "bridge", "name": {"zh": "桥梁", "en": "bridge"}, "geometry": "LineString",
				  "attributes": [{"code": "span", "name": {"zh": "跨度", "en": "span"}, "type": "number"}]}]"""));

		List<DomainPack> packs = loader.load(dir);

		DomainPack rail = packs.stream().filter(p -> p.code().equals("rail")).findFirst().orElseThrow();
		assertThat(rail.assetTypes().get(0).domain()).isEqualTo("rail");
		assertThat(rail.assetTypes().get(0).attributes().get(0).required()).isFalse();
	}

	@Test
	void badPacksAreRefusedNamingTheFileFieldAndReason() {
		assertRefused(pack("""
				"assetTypes": [{"code": "bridge", "name": {"zh": "桥", "en": "bridge"}, "geometry": "Curve"}]"""),
				"assetTypes[0].geometry", "Curve");
		assertRefused(pack("""
				"sensorTypes": [{"code": "strain", "name": {"zh": "应变", "en": "strain"}, "unit": "με",
				  "intervalSeconds": 60, "treshold": {"high": 5}}]"""), "treshold");
		assertRefused(pack("""
				"sensorTypes": [{"code": "strain", "name": {"zh": "应变", "en": "strain"}, "unit": "με",
				  "intervalSeconds": 60, "thresholds": {"high": 5, "highHigh": 3}}]"""),
				"sensorTypes[0].thresholds.highHigh");
		assertRefused(pack("""
				"sensorTypes": [{"code": "strain", "name": {"zh": "应变"}, "unit": "με", "intervalSeconds": 60}]"""),
				"sensorTypes[0].name", "zh and en");
	}

	@Test
	void aTypeCodeMayBeDeclaredByOnlyOnePack(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("copy.json"), pack("""
				"sensorTypes": [{"code": "oxygen", "name": {"zh": "氧", "en": "oxygen"}, "unit": "%VOL", "intervalSeconds": 10}]"""));

		assertThatThrownBy(() -> loader.load(dir)).isInstanceOf(BadDomainPackException.class)
			.hasMessageContaining("copy.json").hasMessageContaining("'oxygen'").hasMessageContaining("hazchem_pipeline");
	}

	private void assertRefused(String json, String... message) {
		assertThatThrownBy(() -> loader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"))
			.isInstanceOf(BadDomainPackException.class).hasMessageContaining("test.json").hasMessageContaining(message[0])
			.hasMessageContaining(message.length > 1 ? message[1] : message[0]);
	}

	private static String pack(String types) {
		return """
				{"code": "rail", "name": {"zh": "铁路", "en": "railway"}, "industry": "rail", "version": "1",
				""" + types + "}";
	}

	private static SensorType sensor(DomainPack pack, String code) {
		return pack.sensorTypes().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
	}
}
