package io.vigil.warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.vigil.Api;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data with defaults: a district with one jurisdiction and enterprise, an industry regulator, a
 * duty center, and their users, all with codes unique to this world (contexts are shared).
 */
public final class WarningWorld {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	public static final String PASSWORD = "password-123";

	public final String p;

	private final Api admin;

	private final JdbcClient jdbc;

	public WarningWorld(Api admin, JdbcClient jdbc) {
		this.p = "w" + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
		this.admin = admin;
		this.jdbc = jdbc;
	}

	/** District → jurisdiction → enterprise (hazchem), regulators (hazchem, mining), a duty center; users of each. */
	public WarningWorld standard() {
		org("district", "region", null, List.of(), null);
		org("street", "region", p + "-district", List.of(), null);
		org("ent", "enterprise", p + "-street", List.of("hazchem"), null);
		org("ent2", "enterprise", p + "-street", List.of("hazchem"), null);
		org("reg", "regulator", null, List.of("hazchem"), p + "-district");
		org("mining", "regulator", null, List.of("mining"), p + "-district");
		org("duty", "duty_center", null, List.of(), p + "-district");
		user("bureau", "jurisdiction_officer", "district");
		user("street", "jurisdiction_officer", "street");
		user("manager", "enterprise_manager", "ent");
		user("operator", "enterprise_operator", "ent");
		user("other", "enterprise_manager", "ent2");
		user("reg", "regulator", "reg");
		user("miner", "regulator", "mining");
		user("officer1", "duty_officer", "duty");
		user("officer2", "duty_officer", "duty");
		return this;
	}

	public void org(String suffix, String kind, String parent, List<String> industries, String scopeRegion) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("code", p + "-" + suffix);
		body.put("name", p + " " + suffix);
		body.put("kind", kind);
		body.put("parent", parent);
		body.put("industries", industries);
		body.put("scopeRegion", scopeRegion);
		Api.Response r = admin.post("/api/v1/organisations", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
	}

	public void user(String suffix, String role, String organisation) {
		Api.Response r = admin.post("/api/v1/users", Map.of("username", p + "-" + suffix, "displayName",
				p + " " + suffix, "password", PASSWORD, "role", role, "organisation", p + "-" + organisation));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
	}

	public String code(String suffix) {
		return p + "-" + suffix;
	}

	public long id(String suffix) {
		return jdbc.sql("select id from organisations where code = :c").param("c", code(suffix)).query(Long.class).single();
	}

	public Api as(int port, String suffix) {
		return Api.at(port).as(code(suffix), PASSWORD);
	}

	/** A major hazard source with its three responsible persons, as the registry stores them. */
	public long hazardSource(String suffix, String enterprise) {
		String persons = """
				{"grade": "red", "principal": {"name": "主要负责人 %1$s", "phone": "1390000%2$s1"},
				 "technical": {"name": "技术负责人 %1$s", "phone": "1390000%2$s2"},
				 "operational": {"name": "操作负责人 %1$s", "phone": "1390000%2$s3"}}""".formatted(p, phoneStem());
		return jdbc.sql("""
				insert into assets (code, name, type, domain, enterprise_id, properties)
				values (:code, :code, 'major_hazard_source', 'hazchem_pipeline', :e, cast(:props as jsonb)) returning id""")
			.param("code", code(suffix)).param("e", id(enterprise)).param("props", persons).query(Long.class).single();
	}

	public String phoneStem() {
		return String.format("%04d", Math.abs(p.hashCode()) % 10000);
	}

	public long sensor(String suffix, String enterprise, Long assetId) {
		return jdbc.sql("""
				insert into sensors (code, name, type, enterprise_id, asset_id, unit, interval_seconds)
				values (:code, :code, 'pressure', :e, :a, 'MPa', 60) returning id""")
			.param("code", code(suffix)).param("e", id(enterprise)).param("a", assetId).query(Long.class).single();
	}

	/** Many sensors at once, returning their ids in code order. */
	public List<Long> sensors(String prefix, String enterprise, int count) {
		return jdbc.sql("""
				insert into sensors (code, name, type, enterprise_id, unit, interval_seconds)
				select :prefix || '-' || g, 'sensor ' || g, 'combustible_gas', :e, '%LEL', 60 from generate_series(1, :n) g
				returning id""")
			.param("prefix", code(prefix)).param("e", id(enterprise)).param("n", count).query(Long.class).list();
	}

	public static ConditionReport report(ConditionReport.Kind kind, long sensorId, long enterpriseId, String rule,
			String ruleKind, WarningLevel level, boolean dataQuality, Instant at) {
		return new ConditionReport(kind, sensorId, null, enterpriseId, rule, ruleKind, null, level, 0.42, 0.3,
				"管道疑似泄漏", "pipeline leak suspected", Map.of("imbalance", 0.12), dataQuality, at);
	}
}
