package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sensor look-ups for the hot paths (ingest, detection), without scope checks: callers have already
 * authenticated an enterprise or are internal. Cached in memory; the registry calls
 * {@link #invalidate} whenever a sensor changes.
 */
@Service
public class SensorCatalog {

	private final JdbcClient jdbc;

	private final Map<String, Optional<SensorInfo>> byCode = new ConcurrentHashMap<>();

	private final DomainPacks packs;

	SensorCatalog(JdbcClient jdbc, DomainPacks packs) {
		this.jdbc = jdbc;
		this.packs = packs;
	}

	private static final String SELECT = """
			select s.id, s.code, s.enterprise_id, o.code as enterprise_code, s.asset_id, s.type, s.unit,
			    s.interval_seconds, s.range_min, s.range_max, s.gateway, a.domain as asset_domain
			from sensors s join organisations o on o.id = s.enterprise_id left join assets a on a.id = s.asset_id""";

	/** Codes per query when loading many: well inside PostgreSQL's bind-parameter limit. */
	private static final int CHUNK = 1000;

	public Optional<SensorInfo> byCode(String code) {
		Optional<SensorInfo> cached = byCode.get(code);
		if (cached != null) {
			return cached;
		}
		Optional<SensorInfo> loaded = jdbc.sql(SELECT + " where s.code = :code")
			.param("code", code)
			.query(this::sensor)
			.optional();
		remember(code, loaded);
		return loaded;
	}

	/**
	 * Caches, with one query per thousand codes, those of {@code codes} not cached yet: a batch from a fleet seen
	 * for the first time (after a restart, or after {@link #invalidate}) would otherwise cost one query per sensor.
	 */
	public void load(Collection<String> codes) {
		List<String> missing = codes.stream().filter(c -> c != null && !c.isEmpty() && !byCode.containsKey(c)).distinct().toList();
		for (int from = 0; from < missing.size(); from += CHUNK) {
			List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
			Map<String, SensorInfo> found = new HashMap<>();
			jdbc.sql(SELECT + " where s.code in (:codes)")
				.param("codes", chunk)
				.query(this::sensor)
				.list()
				.forEach(sensor -> found.put(sensor.code(), sensor));
			for (String code : chunk) {
				remember(code, Optional.ofNullable(found.get(code)));
			}
		}
	}

	private void remember(String code, Optional<SensorInfo> loaded) {
		if (loaded.isPresent() || byCode.size() < 1_000_000) {
			// Unknown codes are remembered too, so a misconfigured gateway cannot hammer the database.
			byCode.put(code, loaded);
		}
	}

	private SensorInfo sensor(ResultSet rs, int row) throws SQLException {
		long asset = rs.getLong("asset_id");
		Long assetId = rs.wasNull() ? null : asset;
		double min = rs.getDouble("range_min");
		Double rangeMin = rs.wasNull() ? null : min;
		double max = rs.getDouble("range_max");
		Double rangeMax = rs.wasNull() ? null : max;
		return new SensorInfo(rs.getLong("id"), rs.getString("code"), rs.getLong("enterprise_id"),
				rs.getString("enterprise_code"), assetId, rs.getString("type"), rs.getString("unit"),
				rs.getInt("interval_seconds"), rangeMin, rangeMax, rs.getString("gateway"),
				packs.domainOf(rs.getString("asset_domain"), rs.getString("type")));
	}

	/** Forget cached sensors; call after any sensor is created, changed or deleted. */
	public void invalidate() {
		byCode.clear();
	}
}
