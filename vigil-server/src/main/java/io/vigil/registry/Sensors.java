package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.organisation.DataScope;
import io.vigil.registry.internal.Inputs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads sensors; scoped queries join the owning enterprise and apply the caller's {@link DataScope}. */
@Repository
class Sensors {

	private static final String SELECT = """
			select s.*, o.code as enterprise_code, a.code as asset_code
			from sensors s join organisations o on o.id = s.enterprise_id left join assets a on a.id = s.asset_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Sensors(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Sensor> findByCode(String code) {
		return jdbc.sql(SELECT + " where s.code = :code").param("code", code).query(this::map).optional();
	}

	/** The sensors with these ids (those that exist), in one query. */
	List<Sensor> findAllById(Collection<Long> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql(SELECT + " where s.id = any(:ids)").param("ids", ids.toArray(Long[]::new)).query(this::map).list();
	}

	/** The sensors with these codes (those that exist), in one query. */
	List<Sensor> findAllByCode(Collection<String> codes) {
		return codes.isEmpty() ? List.of()
				: jdbc.sql(SELECT + " where s.code = any(:codes)").param("codes", codes.toArray(String[]::new)).query(this::map).list();
	}

	Optional<Sensor> findInScope(DataScope scope, String code) {
		DataScope.SqlFilter filter = scope.sql("o");
		return jdbc.sql(SELECT + " where s.code = :code and " + filter.sql()).params(filter.params())
			.param("code", code).query(this::map).optional();
	}

	Page<Sensor> find(DataScope scope, SensorQuery query) {
		DataScope.SqlFilter filter = scope.sql("o");
		StringBuilder where = new StringBuilder(" where " + filter.sql());
		Map<String, Object> params = new HashMap<>(filter.params());
		if (query.enterprise() != null) {
			where.append(" and o.code = :enterprise");
			params.put("enterprise", query.enterprise());
		}
		if (query.asset() != null) {
			where.append(" and a.code = :asset");
			params.put("asset", query.asset());
		}
		if (query.type() != null) {
			where.append(" and s.type = :type");
			params.put("type", query.type());
		}
		long total = jdbc.sql("""
				select count(*) from sensors s join organisations o on o.id = s.enterprise_id
				left join assets a on a.id = s.asset_id""" + where).params(params).query(Long.class).single();
		boolean all = query.page() == null && query.size() == null;
		int size = all ? Integer.MAX_VALUE : Inputs.size(query.size());
		params.put("limit", size);
		params.put("offset", all ? 0L : (long) Inputs.page(query.page()) * size);
		List<Sensor> items = jdbc.sql(SELECT + where + " order by s.code limit :limit offset :offset").params(params)
			.query(this::map).list();
		return new Page<>(items, total);
	}

	private Sensor map(ResultSet rs, int row) throws SQLException {
		JsonNode t = json.readTree(rs.getString("thresholds"));
		Thresholds thresholds = new Thresholds(number(t, "high"), number(t, "highHigh"), number(t, "low"),
				number(t, "lowLow"));
		return new Sensor(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
				rs.getString("enterprise_code"), rs.getString("asset_code"), rs.getString("unit"), nullable(rs, "lon"),
				nullable(rs, "lat"), rs.getInt("interval_seconds"),
				new ValueRange(nullable(rs, "range_min"), nullable(rs, "range_max")), thresholds, rs.getString("gateway"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Double number(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return value == null || !value.isNumber() ? null : value.asDouble();
	}

	private static Double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}
}
