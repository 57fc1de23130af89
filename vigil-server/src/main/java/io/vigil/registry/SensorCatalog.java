package io.vigil.registry;

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

	SensorCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SensorInfo> byCode(String code) {
		Optional<SensorInfo> cached = byCode.get(code);
		if (cached != null) {
			return cached;
		}
		Optional<SensorInfo> loaded = jdbc.sql("""
				select s.id, s.code, s.enterprise_id, o.code as enterprise_code, s.asset_id, s.type, s.unit,
				    s.interval_seconds, s.range_min, s.range_max, s.gateway
				from sensors s join organisations o on o.id = s.enterprise_id where s.code = :code""")
			.param("code", code)
			.query((rs, row) -> {
				long asset = rs.getLong("asset_id");
				Long assetId = rs.wasNull() ? null : asset;
				double min = rs.getDouble("range_min");
				Double rangeMin = rs.wasNull() ? null : min;
				double max = rs.getDouble("range_max");
				Double rangeMax = rs.wasNull() ? null : max;
				return new SensorInfo(rs.getLong("id"), rs.getString("code"), rs.getLong("enterprise_id"),
						rs.getString("enterprise_code"), assetId, rs.getString("type"), rs.getString("unit"),
						rs.getInt("interval_seconds"), rangeMin, rangeMax, rs.getString("gateway"));
			})
			.optional();
		if (loaded.isPresent() || byCode.size() < 1_000_000) {
			// Unknown codes are remembered too, so a misconfigured gateway cannot hammer the database.
			byCode.put(code, loaded);
		}
		return loaded;
	}

	/** Forget cached sensors; call after any sensor is created, changed or deleted. */
	public void invalidate() {
		byCode.clear();
	}
}
