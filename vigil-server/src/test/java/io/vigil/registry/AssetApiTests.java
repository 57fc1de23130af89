package io.vigil.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class AssetApiTests {

	@LocalServerPort
	int port;

	RegistryFixture f;

	@BeforeEach
	void tree() {
		f = new RegistryFixture(port);
	}

	@Test
	void managerCreatesReadsChangesAndDeletesAnAssetWithItsBoundingBox() {
		Api manager = f.as("m1");
		String code = f.code("seg");

		Api.Response created = f.createSegment(manager, code, f.e1);
		assertThat(created.json().get("domain").asString()).isEqualTo("hazchem_pipeline");
		assertThat(created.json().get("bbox").toString()).isEqualTo("[117.7,39.0,117.75,39.01]");

		Map<String, Object> change = RegistryFixture.segment(code, f.e1);
		change.put("name", "renamed");
		Api.Response updated = manager.put("/api/v1/assets/" + code, change);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(manager.get("/api/v1/assets/" + code).json().get("name").asString()).isEqualTo("renamed");

		Api.Response list = manager.get("/api/v1/assets?enterprise=" + f.e1 + "&type=pipeline_segment&page=0&size=10");
		assertThat(list.json().get("total").asInt()).isEqualTo(1);
		assertThat(list.json().get("items").get(0).get("code").asString()).isEqualTo(code);

		assertThat(manager.delete("/api/v1/assets/" + code).status()).isEqualTo(204);
		assertThat(manager.get("/api/v1/assets/" + code).status()).isEqualTo(404);
	}

	@Test
	void bboxFilterFindsOnlyOverlappingAssets() {
		f.createSegment(f.admin, f.code("inside"), f.e1);
		Map<String, Object> far = RegistryFixture.segment(f.code("far"), f.e1);
		far.put("geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(100.0, 20.0), List.of(100.1, 20.1))));
		assertThat(f.admin.post("/api/v1/assets", far).status()).isEqualTo(201);

		Api.Response hits = f.admin.get("/api/v1/assets?enterprise=" + f.e1 + "&bbox=117.71,38.9,117.8,39.1");

		assertThat(hits.json().get("total").asInt()).isEqualTo(1);
		assertThat(hits.json().get("items").get(0).get("code").asString()).isEqualTo(f.code("inside"));
	}

	@Test
	void majorHazardSourceNeedsGradeAndItsThreeResponsiblePersons() {
		Map<String, Object> source = new HashMap<>(Map.of("code", f.code("mhs"), "name", "罐区", "type",
				"major_hazard_source", "enterprise", f.e1, "geometry",
				Map.of("type", "Point", "coordinates", List.of(117.7, 39.0))));
		Map<String, Object> person = Map.of("name", "张三", "phone", "13800000000");
		source.put("attributes", Map.of("grade", "red", "principal", person, "technical", person));

		Api.Response missing = f.admin.post("/api/v1/assets", source);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("field").asString()).isEqualTo("attributes.operational");

		source.put("attributes", Map.of("grade", "purple", "principal", person, "technical", person, "operational", person));
		Api.Response badGrade = f.admin.post("/api/v1/assets", source);
		assertThat(badGrade.json().get("field").asString()).isEqualTo("attributes.grade");
		assertThat(badGrade.json().get("detail").asString()).contains("red", "特别管控");

		source.put("attributes", Map.of("grade", "red", "principal", person, "technical", person, "operational", person));
		Api.Response ok = f.admin.post("/api/v1/assets", source);
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		assertThat(ok.json().get("attributes").get("operational").get("phone").asString()).isEqualTo("13800000000");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
		Map<String, Object> asset = RegistryFixture.segment(f.code("bad"), f.e1);
		assertProblem(with(asset, "code", "has space"), 400, "code");
		assertProblem(with(asset, "type", "spaceship"), 400, "type", "pipeline_segment");
		assertProblem(with(asset, "enterprise", "nobody-" + f.s), 400, "enterprise");
		assertProblem(with(asset, "geometry", Map.of("type", "Point", "coordinates", List.of(117.7, 39.0))), 400,
				"geometry.type");
		assertProblem(with(asset, "geometry", Map.of("type", "LineString", "coordinates",
				List.of(List.of(117.7, 39.0), List.of(217.7, 39.0)))), 400, "geometry.coordinates[1]");
		assertProblem(with(asset, "geometry", Map.of("type", "LineString", "coordinates", "nope")), 400,
				"geometry.coordinates");
		assertProblem(with(asset, "attributes", Map.of("burialDepth", "deep")), 400, "attributes.burialDepth");
		assertProblem(with(asset, "attributes", Map.of("colour", "red")), 400, "attributes.colour");

		Map<String, Object> building = new HashMap<>(Map.of("code", f.code("bldg"), "name", "b", "type", "building",
				"enterprise", f.e1));
		building.put("geometry", Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 1.0), List.of(1.0, 0.0), List.of(0.0, 1.0), List.of(0.0, 0.0)))));
		assertProblem(building, 400, "geometry", "Self-intersection");
		building.put("geometry", Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 1.0)))));
		assertProblem(building, 400, "geometry.coordinates[0]", "closed");

		Api.Response malformed = f.admin.postRaw("/api/v1/assets", "application/json", "{\"code\": ");
		assertThat(malformed.status()).isEqualTo(400);
		Api.Response mistyped = f.admin.postRaw("/api/v1/assets", "application/json", "{\"code\": [1,2]}");
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.json().get("field").asString()).isEqualTo("code");

		assertThat(f.admin.get("/api/v1/assets?enterprise=" + f.e1).json().get("total").asInt()).isZero();
	}

	@Test
	void duplicateCodeIsAConflict() {
		String code = f.code("dup");
		f.createSegment(f.admin, code, f.e1);

		Api.Response again = f.admin.post("/api/v1/assets", RegistryFixture.segment(code, f.e2));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("field").asString()).isEqualTo("code");
		assertThat(f.admin.get("/api/v1/assets/" + code).json().get("enterprise").asString()).isEqualTo(f.e1);
	}

	@Test
	void everyChangeIsAudited() {
		String code = f.code("audited");
		f.createSegment(f.as("m1"), code, f.e1);
		f.admin.put("/api/v1/assets/" + code, with(RegistryFixture.segment(code, f.e1), "name", "n2"));
		f.admin.delete("/api/v1/assets/" + code);

		Api.Response audit = f.admin.get("/api/v1/audit?entityType=asset&entityKey=" + code);

		assertThat(audit.json().get("items")).hasSize(3);
		assertThat(audit.json().get("items").get(2).get("action").asString()).isEqualTo("create");
		assertThat(audit.json().get("items").get(2).get("actor").asString()).isEqualTo("m1" + f.s);
		assertThat(audit.json().get("items").get(1).get("after").get("name").asString()).isEqualTo("n2");
		assertThat(audit.json().get("items").get(0).get("action").asString()).isEqualTo("delete");
	}

	private void assertProblem(Map<String, Object> body, int status, String field, String... detail) {
		Api.Response response = f.admin.post("/api/v1/assets", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("field").asString()).as(response.toString()).isEqualTo(field);
		for (String expected : detail) {
			assertThat(response.json().get("detail").asString()).contains(expected);
		}
	}

	static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(base);
		copy.put(key, value);
		return copy;
	}
}
