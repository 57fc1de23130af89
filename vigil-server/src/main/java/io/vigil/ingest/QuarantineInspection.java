package io.vigil.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the channels refused, newest first, inside the caller's data scope: an enterprise sees its own entries,
 * regulators those of the enterprises they oversee, administrators everything, including refusals whose sender
 * could not be identified (wrong keys, undecodable frames).
 */
@Service
public class QuarantineInspection {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	QuarantineInspection(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	public record Page(List<QuarantineEntry> items, long total) {
	}

	/**
	 * @param enterpriseCode only this enterprise's entries, or null for all the caller may see
	 * @param channel {@code http}, {@code mqtt}, {@code hj212} or null for all
	 */
	public Page list(CurrentUser user, String enterpriseCode, String channel, int page, int size) {
		if (page < 0 || size < 1 || size > 1000) {
			throw new InvalidInputException("size", "page must be ≥ 0 and size in 1..1000 / 分页参数无效");
		}
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (enterpriseCode != null && !enterpriseCode.isBlank()) {
			Organisation enterprise = organisations.findByCode(enterpriseCode).filter(user::canRead)
				.orElseThrow(() -> new NotFoundException("enterprise", enterpriseCode));
			where.append(" and q.enterprise_id = :enterprise");
			params.put("enterprise", enterprise.id());
		}
		else if (!user.isAdmin()) {
			var scope = user.scope().sql("o");
			where.append(" and o.id is not null and ").append(scope.sql());
			params.putAll(scope.params());
		}
		if (channel != null && !channel.isBlank()) {
			if (!List.of("http", "mqtt", "hj212").contains(channel)) {
				throw new InvalidInputException("channel", "channel must be http, mqtt or hj212 / 通道无效");
			}
			where.append(" and q.channel = :channel");
			params.put("channel", channel);
		}
		String from = " from ingest_quarantine q left join organisations o on o.id = q.enterprise_id";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<QuarantineEntry> items = jdbc.sql("select q.*, o.code as enterprise_code" + from + where
				+ " order by q.received_at desc, q.id desc limit :limit offset :offset")
			.params(params).param("limit", size).param("offset", (long) page * size)
			.query((rs, row) -> {
				int index = rs.getInt("item_index");
				return new QuarantineEntry(rs.getLong("id"), rs.getString("enterprise_code"), rs.getString("channel"),
						rs.getTimestamp("received_at").toInstant(), rs.getString("code"), rs.getString("reason"),
						rs.wasNull() ? null : index, rs.getString("raw"));
			})
			.list();
		return new Page(items, total);
	}
}
