package io.vigil.notification.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.warning.WarningLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook and group-robot endpoints and who they cover: an enterprise's own, a region's subtree, or a
 * regulator's or duty center's region and industries. Look-ups are cached for a few seconds because a
 * storm asks the same question ten thousand times.
 */
@Component
public class Endpoints {

	private static final long CACHE_NANOS = 5_000_000_000L;

	private final JdbcClient jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(List<Map<String, Object>> endpoints, long at) {
	}

	/** An endpoint as the channels need it. */
	public record Endpoint(long id, String kind, String name, String url, String secret) {
	}

	Endpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Recipient details of the endpoints that want warnings of this enterprise at this level. */
	public List<Map<String, Object>> subscribed(long enterpriseId, WarningLevel level) {
		String key = enterpriseId + "|" + level;
		Cached cached = cache.get(key);
		if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
			return cached.endpoints();
		}
		List<Map<String, Object>> found = jdbc.sql("""
				select e.id, e.kind, e.name from notification_endpoints e
				join organisations o on o.id = e.organisation_id
				join organisations ent on ent.id = :enterprise
				left join organisations sr on sr.id = o.scope_region_id
				where e.enabled and array_position(array['blue','yellow','orange','red'], e.min_level) <= :rank
				  and (o.id = ent.id
				    or (o.kind = 'region' and ent.path like o.path || '%')
				    or (o.kind in ('regulator', 'duty_center') and (o.scope_region_id is null or ent.path like sr.path || '%')
				        and (cardinality(o.industries) = 0 or o.industries && ent.industries)))
				order by e.id""")
			.param("enterprise", enterpriseId).param("rank", level.ordinal() + 1)
			.query((rs, row) -> {
				Map<String, Object> detail = new LinkedHashMap<>();
				detail.put("key", "endpoint:" + rs.getLong("id"));
				detail.put("name", rs.getString("name"));
				detail.put("audience", "endpoint");
				detail.put("endpoint", rs.getLong("id"));
				detail.put("endpointKind", rs.getString("kind"));
				return detail;
			})
			.list();
		cache.put(key, new Cached(List.copyOf(found), System.nanoTime()));
		return found;
	}

	public Optional<Endpoint> find(long id) {
		return jdbc.sql("select * from notification_endpoints where id = :id").param("id", id)
			.query((rs, row) -> new Endpoint(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
					rs.getString("url"), rs.getString("secret")))
			.optional();
	}

	public void invalidate() {
		cache.clear();
	}
}
