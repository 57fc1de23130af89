package io.vigil.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.notification.Message;
import io.vigil.notification.NotificationSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Groups notices into messages and opens a delivery per channel. Immediate notices get a message each
 * at once. The others wait for a digest per recipient: the first after {@code digestWait} (so a storm
 * arrives as one message), then at most one per {@code digestPeriod}.
 */
@Component
public class Messages {

	private static final int LINES = 20;

	private final JdbcClient jdbc;

	private final NotificationSettings settings;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Messages(JdbcClient jdbc, NotificationSettings settings, JsonMapper json, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record Pending(long id, long warning, String recipient, String detail, String event, String level,
			String summary) {
	}

	/** Messages for the warning's unsent immediate notices; runs inside the routing transaction. */
	void composeImmediate(long warningId, Instant at) {
		List<Pending> notices = jdbc.sql("""
				select * from notices where warning_id = :w and immediate and message_id is null order by id""")
			.param("w", warningId).query((rs, row) -> pending(rs)).list();
		for (Pending n : notices) {
			compose("single", n.recipient(), n.detail(), List.of(n), at);
		}
	}

	/** Sends the digests that are due; returns how many messages were composed. */
	public int flushDigests() {
		Instant now = clock.instant();
		List<String> due = jdbc.sql("""
				select n.recipient from notices n where n.message_id is null and not n.immediate
				group by n.recipient
				having min(n.created_at) <= :ready and coalesce((select max(m.created_at) from messages m
				    where m.recipient = n.recipient and m.kind = 'digest'), '-infinity') <= :periodAgo""")
			.param("ready", Timestamp.from(now.minus(settings.digestWait())))
			.param("periodAgo", Timestamp.from(now.minus(settings.digestPeriod()))).query(String.class).list();
		int composed = 0;
		for (String recipient : due) {
			Boolean done = transactions.execute(status -> {
				List<Pending> notices = jdbc.sql("""
						select * from notices where recipient = :r and message_id is null and not immediate
						order by id for update skip locked""")
					.param("r", recipient).query((rs, row) -> pending(rs)).list();
				if (notices.isEmpty()) {
					return false;
				}
				compose("digest", recipient, notices.get(notices.size() - 1).detail(), notices, now);
				return true;
			});
			composed += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return composed;
	}

	public Message load(long messageId) {
		List<Message.Item> items = jdbc.sql("""
				select warning_id, event, level, summary from notices where message_id = :m order by id limit 1000""")
			.param("m", messageId)
			.query((rs, row) -> new Message.Item(rs.getLong("warning_id"), rs.getString("event"), rs.getString("level"),
					rs.getString("summary")))
			.list();
		return jdbc.sql("select * from messages where id = :id").param("id", messageId)
			.query((rs, row) -> new Message(rs.getLong("id"), rs.getString("recipient"), map(rs.getString("recipient_detail")),
					rs.getString("kind"), rs.getString("level"), rs.getInt("notice_count"), rs.getString("subject"),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant(), items))
			.single();
	}

	private void compose(String kind, String recipient, String detailJson, List<Pending> notices, Instant at) {
		Map<String, Object> detail = map(detailJson);
		String level = notices.stream().map(Pending::level).max((a, b) -> rank(a) - rank(b)).orElse("blue");
		String subject;
		StringBuilder body = new StringBuilder();
		if (notices.size() == 1) {
			subject = notices.get(0).summary();
			body.append(notices.get(0).summary()).append("\n预警编号 warning #").append(notices.get(0).warning());
		}
		else {
			Map<String, Integer> byLevel = new TreeMap<>();
			notices.forEach(n -> byLevel.merge(n.level(), 1, Integer::sum));
			subject = "[Vigil] " + notices.size() + " 条预警动态 / warning updates " + byLevel;
			notices.stream().limit(LINES).forEach(n -> body.append("#").append(n.warning()).append(" ")
				.append(n.event()).append(" ").append(n.summary()).append('\n'));
			if (notices.size() > LINES) {
				body.append("… 另有 ").append(notices.size() - LINES).append(" 条 / and ")
					.append(notices.size() - LINES).append(" more");
			}
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into messages (recipient, recipient_detail, kind, level, notice_count, subject, body, created_at)
				values (:r, cast(:detail as jsonb), :kind, :level, :count, :subject, :body, :at)""")
			.param("r", recipient).param("detail", detailJson).param("kind", kind).param("level", level)
			.param("count", notices.size()).param("subject", subject).param("body", body.toString())
			.param("at", Timestamp.from(at)).update(keys, "id");
		long message = keys.getKey().longValue();
		List<Long> ids = notices.stream().map(Pending::id).toList();
		for (int from = 0; from < ids.size(); from += 10_000) {
			jdbc.sql("update notices set message_id = :m where id in (:ids)").param("m", message)
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 10_000))).update();
		}
		for (String[] channel : channels(detail)) {
			jdbc.sql("""
					insert into deliveries (message_id, channel, target, status, next_attempt_at, created_at)
					values (:m, :channel, :target, 'pending', :at, :at)""")
				.param("m", message).param("channel", channel[0]).param("target", channel[1])
				.param("at", Timestamp.from(at)).update();
		}
	}

	/** (channel, target) pairs the recipient can be reached on with what is configured. */
	private List<String[]> channels(Map<String, Object> detail) {
		List<String[]> channels = new ArrayList<>();
		if (detail.get("endpoint") != null) {
			channels.add(new String[] { String.valueOf(detail.get("endpointKind")), "endpoint:" + detail.get("endpoint") });
			return channels;
		}
		if (detail.get("username") != null) {
			channels.add(new String[] { "in_app", String.valueOf(detail.get("username")) });
		}
		if (detail.get("phone") != null && settings.sms().enabled()) {
			channels.add(new String[] { "sms", String.valueOf(detail.get("phone")) });
		}
		if (detail.get("email") != null && settings.smtp().enabled()) {
			channels.add(new String[] { "email", String.valueOf(detail.get("email")) });
		}
		return channels;
	}

	private static Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Pending(rs.getLong("id"), rs.getLong("warning_id"), rs.getString("recipient"),
				rs.getString("recipient_detail"), rs.getString("event"), rs.getString("level"), rs.getString("summary"));
	}

	static int rank(String level) {
		return List.of("blue", "yellow", "orange", "red").indexOf(level);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String text) {
		return json.readValue(text, Map.class);
	}
}
