package io.vigil.timeseries.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The small ids that stand for domain codes in {@code readings.domain} (a smallint keeps the rows and
 * the COPY stream short). Ids are stored in {@code reading_domains}, so they stay the same across
 * restarts and nodes; a code seen for the first time gets the next free id. Id 0 means no domain.
 */
@Component
public class ReadingDomains {

	public static final short NONE = 0;

	private final JdbcClient jdbc;

	private final Map<String, Short> ids = new ConcurrentHashMap<>();

	ReadingDomains(JdbcClient jdbc) {
		this.jdbc = jdbc;
		jdbc.sql("select code, id from reading_domains")
			.query((RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getShort(2)));
	}

	/** The id of the domain, registering it on first sight; {@link #NONE} for a null or empty code. */
	public short id(String code) {
		if (code == null || code.isEmpty()) {
			return NONE;
		}
		Short id = ids.get(code);
		return id != null ? id : register(code);
	}

	private synchronized short register(String code) {
		Short id = ids.get(code);
		while (id == null) {
			// Another node may take the same next id for another code at the same moment: then ours
			// inserts nothing and the loop tries the following id.
			jdbc.sql("""
					insert into reading_domains (id, code)
					select coalesce(max(id), 0) + 1, :code from reading_domains
					on conflict do nothing""")
				.param("code", code)
				.update();
			id = jdbc.sql("select id from reading_domains where code = :code").param("code", code)
				.query(Short.class).optional().orElse(null);
		}
		ids.put(code, id);
		return id;
	}
}
