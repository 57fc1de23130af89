package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.organisation.DataScope;
import io.vigil.registry.internal.Bbox;
import io.vigil.registry.internal.Inputs;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads assets; scoped queries join the owning enterprise and apply the caller's {@link DataScope}. */
@Repository
class Assets {

	private static final String SELECT = """
			select a.*, o.code as enterprise_code, p.code as parent_code
			from assets a join organisations o on o.id = a.enterprise_id left join assets p on p.id = a.parent_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Assets(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Asset> findByCode(String code) {
		return jdbc.sql(SELECT + " where a.code = :code").param("code", code).query(this::map).optional();
	}

	/** The assets with these codes (those that exist), in one query. */
	List<Asset> findAllByCode(Collection<String> codes) {
		return codes.isEmpty() ? List.of()
				: jdbc.sql(SELECT + " where a.code = any(:codes)").param("codes", codes.toArray(String[]::new)).query(this::map).list();
	}

	Optional<Asset> findInScope(DataScope scope, String code) {
		DataScope.SqlFilter filter = scope.sql("o");
		return jdbc.sql(SELECT + " where a.code = :code and " + filter.sql()).params(filter.params())
			.param("code", code).query(this::map).optional();
	}

	Page<Asset> find(DataScope scope, AssetQuery query) {
		DataScope.SqlFilter filter = scope.sql("o");
		StringBuilder where = new StringBuilder(" where " + filter.sql());
		Map<String, Object> params = new HashMap<>(filter.params());
		if (query.enterprise() != null) {
			where.append(" and o.code = :enterprise");
			params.put("enterprise", query.enterprise());
		}
		if (query.type() != null) {
			where.append(" and a.type = :type");
			params.put("type", query.type());
		}
		if (query.domain() != null) {
			where.append(" and a.domain = :domain");
			params.put("domain", query.domain());
		}
		if (query.bbox() != null) {
			Bbox.parse("bbox", query.bbox()).addParams(params);
			where.append(" and ").append(Bbox.overlapSql("a"));
		}
		long total = jdbc.sql("select count(*) from assets a join organisations o on o.id = a.enterprise_id" + where)
			.params(params).query(Long.class).single();
		boolean all = query.page() == null && query.size() == null;
		int size = all ? Integer.MAX_VALUE : Inputs.size(query.size());
		params.put("limit", size);
		params.put("offset", all ? 0L : (long) Inputs.page(query.page()) * size);
		List<Asset> items = jdbc.sql(SELECT + where + " order by a.code limit :limit offset :offset").params(params)
			.query(this::map).list();
		return new Page<>(items, total);
	}

	/** Whether {@code candidate} is {@code ancestor} or lies below it in the parent tree. */
	boolean isSelfOrDescendant(long candidate, long ancestor) {
		return jdbc.sql("""
				with recursive up(id, parent_id) as (
				    select id, parent_id from assets where id = :candidate
				    union select a.id, a.parent_id from assets a join up on a.id = up.parent_id)
				select exists (select 1 from up where id = :ancestor)""")
			.param("candidate", candidate).param("ancestor", ancestor).query(Boolean.class).single();
	}

	private Asset map(ResultSet rs, int row) throws SQLException {
		String geometry = rs.getString("geometry");
		double minLon = rs.getDouble("min_lon");
		List<Double> bbox = rs.wasNull() ? null
				: List.of(minLon, rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"));
		return new Asset(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("type"),
				rs.getString("domain"), rs.getString("enterprise_code"), rs.getString("parent_code"),
				geometry == null ? null : json.readTree(geometry), bbox, json.readTree(rs.getString("properties")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
