package io.vigil.registry;

import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class ImportExportTests {

	@LocalServerPort
	int port;

	RegistryFixture f;

	@BeforeEach
	void tree() {
		f = new RegistryFixture(port);
	}

	private String assetsCsv() {
		return "code,name,type,enterprise,wkt,lon,lat,attributes\r\n"
				+ f.code("a1") + ",站场一," + "station," + f.e1 + ",,117.7,39.0,\"{\"\"stationKind\"\":\"\"pump\"\"}\"\r\n"
				+ f.code("a2") + ",\"管段, 二\",pipeline_segment," + f.e1 + ",\"LINESTRING (117.7 39, 117.8 39.1)\",,,\r\n"
				+ f.code("a3") + ",坏几何,pipeline_segment," + f.e1 + ",\"LINESTRING (117.7 39, 917.8 39.1)\",,,\r\n"
				+ f.code("a4") + ",未知类型,rocket," + f.e1 + ",,117.7,39.0,\r\n";
	}

	@Test
	void allOrNothingImportStoresNothingAndReportsEveryRejectedRow() {
		Api.Response response = f.as("m1").postRaw("/api/v1/assets/import?format=csv", "text/csv", assetsCsv());

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		JsonNode report = response.json();
		assertThat(report.get("received").asInt()).isEqualTo(4);
		assertThat(report.get("stored").asInt()).isZero();
		assertThat(report.get("rejected")).hasSize(2);
		assertThat(report.get("rejected").get(0).get("index").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
		assertThat(report.get("rejected").get(0).get("field").asString()).isEqualTo("wkt");
		assertThat(report.get("rejected").get(1).get("field").asString()).isEqualTo("type");
		assertThat(report.get("rejected").get(1).get("reason").asString()).contains("rocket", "pipeline_segment");
		assertThat(f.admin.get("/api/v1/assets?enterprise=" + f.e1).json().get("total").asInt()).isZero();
		assertThat(f.admin.get("/api/v1/audit?entityType=asset&entityKey=" + f.code("a1")).json().get("items")).isEmpty();
	}

	@Test
	void partialImportStoresTheGoodRowsAndReportsTheRest() {
		Api.Response response = f.as("m1").postRaw("/api/v1/assets/import?format=csv&partial=true", "text/csv",
				assetsCsv());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("stored").asInt()).isEqualTo(2);
		assertThat(response.json().get("rejected")).hasSize(2);
		Api.Response stored = f.admin.get("/api/v1/assets/" + f.code("a2"));
		assertThat(stored.json().get("name").asString()).isEqualTo("管段, 二");
		assertThat(stored.json().get("geometry").get("type").asString()).isEqualTo("LineString");
		assertThat(f.admin.get("/api/v1/assets/" + f.code("a1")).json().get("attributes").get("stationKind").asString())
			.isEqualTo("pump");
	}

	@Test
	void importCannotPlantAssetsInAnotherEnterprise() {
		String csv = "code,name,type,enterprise,lon,lat\n" + f.code("mine") + ",m,valve_chamber," + f.e1 + ",117.7,39\n"
				+ f.code("theirs") + ",t,valve_chamber," + f.e2 + ",117.7,39\n";

		Api.Response response = f.as("m1").postRaw("/api/v1/assets/import", "text/csv", csv);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("rejected").get(0).get("field").asString()).isEqualTo("enterprise");
		assertThat(f.admin.get("/api/v1/assets/" + f.code("mine")).status()).isEqualTo(404);
		assertThat(f.admin.get("/api/v1/assets/" + f.code("theirs")).status()).isEqualTo(404);
	}

	@Test
	void geoJsonExportOfAssetsAndSensorsImportsBackToTheSameRegistry() {
		String segment = f.code("rt-seg");
		f.createSegment(f.as("m1"), segment, f.e1);
		Map<String, Object> tight = RegistryFixture.gasSensor(f.code("rt-gas"), segment);
		tight.put("thresholds", Map.of("high", 20));
		assertThat(f.as("m1").post("/api/v1/sensors", tight).status()).isEqualTo(201);
		JsonNode assetBefore = f.admin.get("/api/v1/assets/" + segment).json();
		JsonNode sensorBefore = f.admin.get("/api/v1/sensors/" + f.code("rt-gas")).json();

		String assets = f.as("m1").get("/api/v1/assets/export?format=geojson&enterprise=" + f.e1).body();
		String sensors = f.as("m1").get("/api/v1/sensors/export?format=csv&enterprise=" + f.e1).body();
		assertThat(f.as("m1").delete("/api/v1/sensors/" + f.code("rt-gas")).status()).isEqualTo(204);
		assertThat(f.as("m1").delete("/api/v1/assets/" + segment).status()).isEqualTo(204);

		Api.Response assetImport = f.as("m1").postRaw("/api/v1/assets/import?format=geojson", "application/geo+json", assets);
		Api.Response sensorImport = f.as("m1").postRaw("/api/v1/sensors/import?format=csv", "text/csv", sensors);

		assertThat(assetImport.status()).as(assetImport.toString()).isEqualTo(200);
		assertThat(sensorImport.status()).as(sensorImport.toString()).isEqualTo(200);
		assertThat(sensorImport.json().get("stored").asInt()).isEqualTo(1);
		JsonNode assetAfter = f.admin.get("/api/v1/assets/" + segment).json();
		JsonNode sensorAfter = f.admin.get("/api/v1/sensors/" + f.code("rt-gas")).json();
		for (String field : List.of("name", "type", "enterprise", "geometry", "bbox", "attributes")) {
			assertThat(assetAfter.get(field)).as(field).isEqualTo(assetBefore.get(field));
		}
		for (String field : List.of("name", "type", "enterprise", "asset", "unit", "lon", "lat", "intervalSeconds",
				"range", "thresholds")) {
			assertThat(sensorAfter.get(field)).as(field).isEqualTo(sensorBefore.get(field));
		}
	}

	@Test
	void csvExportIsScopedAndReadableByExcel() {
		f.createSegment(f.as("m2"), f.code("other"), f.e2);
		f.createSegment(f.as("m1"), f.code("own"), f.e1);

		Api.Response csv = f.as("m1").get("/api/v1/assets/export?format=csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().get("content-type").get(0)).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFcode,name,type,enterprise,parent,wkt,attributes")
			.contains(f.code("own"), "LINESTRING").doesNotContain(f.code("other"));
	}

	@Test
	void aFileThatIsNotAFeatureCollectionIsRefusedAsAWhole() {
		Api.Response notJson = f.admin.postRaw("/api/v1/assets/import?format=geojson", "application/json", "{oops");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("field").asString()).isEqualTo("body");
		Api.Response badHeader = f.admin.postRaw("/api/v1/sensors/import", "text/csv", "code,name,colour\n");
		assertThat(badHeader.status()).isEqualTo(400);
		assertThat(badHeader.json().get("detail").asString()).contains("colour");
	}
}
