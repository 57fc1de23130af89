package io.vigil.warning.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fills in what a condition report may leave out: the asset a sensor belongs to and its domain. */
@Component
public class ObjectDirectory {

	private final JdbcClient jdbc;

	ObjectDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Placement(Long assetId, String domain) {
	}

	public Placement place(Long sensorId, Long assetId) {
		if (sensorId != null && assetId == null) {
			List<Placement> found = jdbc.sql("""
					select s.asset_id, a.domain from sensors s left join assets a on a.id = s.asset_id where s.id = :id""")
				.param("id", sensorId)
				.query((rs, row) -> new Placement(Warnings.nullableLong(rs, "asset_id"), rs.getString("domain"))).list();
			return found.isEmpty() ? new Placement(null, null) : found.get(0);
		}
		if (assetId != null) {
			List<String> domain = jdbc.sql("select domain from assets where id = :id").param("id", assetId)
				.query(String.class).list();
			return new Placement(assetId, domain.isEmpty() ? null : domain.get(0));
		}
		return new Placement(null, null);
	}
}
