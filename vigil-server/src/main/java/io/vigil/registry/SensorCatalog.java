package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
	 * The sensors of {@code codes}, in their order (empty for unknown, null or empty codes), caching those not
	 * cached yet with one query per thousand codes: a batch from a fleet seen for the first time (after a restart,
	 * or after {@link #invalidate}) would otherwise cost one query per sensor. One cache look-up per code: on the
	 * ingest path these look-ups were a tenth of the CPU.
	 */
	public List<Optional<SensorInfo>> load(List<String> codes) {
		List<Optional<SensorInfo>> sensors = new ArrayList<>(codes.size());
		Set<String> missing = null;
		for (String code : codes) {
			Optional<SensorInfo> cached = code == null || code.isEmpty() ? Optional.empty() : byCode.get(code);
			if (cached == null) {
				missing = missing == null ? new LinkedHashSet<>() : missing;
				missing.add(code);
			}
			sensors.add(cached);
		}
		if (missing == null) {
			return sensors;
		}
		Map<String, Optional<SensorInfo>> fetched = fetch(List.copyOf(missing));
		for (int i = 0; i < sensors.size(); i++) {
			if (sensors.get(i) == null) {
				sensors.set(i, fetched.get(codes.get(i)));
			}
		}
		return sensors;
	}

	private Map<String, Optional<SensorInfo>> fetch(List<String> missing) {
		Map<String, Optional<SensorInfo>> fetched = new HashMap<>();
		for (int from = 0; from < missing.size(); from += CHUNK) {
			List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
			Map<String, SensorInfo> found = new HashMap<>();
			jdbc.sql(SELECT + " where s.code in (:codes)")
				.param("codes", chunk)
				.query(this::sensor)
				.list()
				.forEach(sensor -> found.put(sensor.code(), sensor));
			for (String code : chunk) {
				Optional<SensorInfo> sensor = Optional.ofNullable(found.get(code));
				remember(code, sensor);
				fetched.put(code, sensor);
			}
		}
		return fetched;
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

	/**
	 * Forgets one sensor (or the fact that its code was unknown); call when it is created, changed or deleted.
	 * Forgets it again after the surrounding transaction ends, so that a look-up racing with the change cannot
	 * keep the old row. Only this code: clearing the whole cache on every change made each sensor created while
	 * readings flowed cost a re-read of the whole fleet.
	 */
	public void invalidate(String code) {
		byCode.remove(code);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					byCode.remove(code);
				}
			});
		}
	}

	/** Forgets every cached sensor. */
	public void invalidate() {
		byCode.clear();
	}
}
