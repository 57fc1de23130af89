package io.vigil.organisation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads organisations without any scope check: for other modules' internal use (routing, ingest).
 * Anything shown to a user goes through {@link OrganisationService}, which checks the scope.
 */
@Repository
public class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organisation> findByCode(String code) {
		return jdbc.sql("select * from organisations where code = :code").param("code", code)
			.query(Organisations::map).optional();
	}

	public Optional<Organisation> findById(long id) {
		return jdbc.sql("select * from organisations where id = :id").param("id", id).query(Organisations::map)
			.optional();
	}

	/** Every organisation inside the scope, in tree order (parents before children). */
	public List<Organisation> findAll(DataScope scope) {
		DataScope.SqlFilter filter = scope.sql("o");
		return jdbc.sql("select o.* from organisations o where " + filter.sql() + " order by o.path")
			.params(filter.params()).query(Organisations::map).list();
	}

	public List<Organisation> children(long parentId) {
		return jdbc.sql("select * from organisations where parent_id = :id order by code").param("id", parentId)
			.query(Organisations::map).list();
	}

	public static Organisation map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		long scopeRegion = rs.getLong("scope_region_id");
		Long scopeRegionId = rs.wasNull() ? null : scopeRegion;
		Array industries = rs.getArray("industries");
		return new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("name_en"), OrganisationKind.fromCode(rs.getString("kind")), rs.getString("level_label"),
				parentId, rs.getString("path"),
				industries == null ? List.of() : Arrays.asList((String[]) industries.getArray()), scopeRegionId,
				rs.getString("contact"), rs.getString("phone"));
	}
}
