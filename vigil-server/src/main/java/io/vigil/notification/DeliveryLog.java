package io.vigil.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.vigil.organisation.CurrentUser;
import io.vigil.warning.WarningQueries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who was told what about a warning, over which channel, and how it went; and a user's inbox. */
@Service
public class DeliveryLog {

	private final JdbcClient jdbc;

	private final WarningQueries warnings;

	DeliveryLog(JdbcClient jdbc, WarningQueries warnings) {
		this.jdbc = jdbc;
		this.warnings = warnings;
	}

	/** The warning's log, one line per notice and channel; NotFound outside the caller's scope. */
	public List<Delivery> forWarning(CurrentUser user, long warningId) {
		warnings.find(user, warningId);
		return jdbc.sql("""
				select n.recipient, n.recipient_detail ->> 'name' as name, n.recipient_detail ->> 'audience' as audience,
				    n.event, n.level, n.created_at, m.id as message_id, m.kind, d.channel, d.target, d.status, d.attempts,
				    d.last_error, d.sent_at, d.next_attempt_at
				from notices n left join messages m on m.id = n.message_id left join deliveries d on d.message_id = m.id
				where n.warning_id = :id order by n.id, d.id""")
			.param("id", warningId).query(DeliveryLog::map).list();
	}

	/** The latest messages addressed to the user (the in-app channel's inbox). */
	public List<Message> inbox(CurrentUser user, int limit) {
		return jdbc.sql("""
				select * from messages where recipient = :r order by id desc limit :limit""")
			.param("r", "user:" + user.username()).param("limit", Math.min(Math.max(limit, 1), 500))
			.query((rs, row) -> new Message(rs.getLong("id"), rs.getString("recipient"), java.util.Map.of(),
					rs.getString("kind"), rs.getString("level"), rs.getInt("notice_count"), rs.getString("subject"),
					rs.getString("body"), rs.getTimestamp("created_at").toInstant(), List.of()))
			.list();
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		long message = rs.getLong("message_id");
		Long messageId = rs.wasNull() ? null : message;
		int attempts = rs.getInt("attempts");
		Integer attemptCount = rs.wasNull() ? null : attempts;
		String status = messageId == null ? "waiting" : rs.getString("status");
		return new Delivery(rs.getString("recipient"), rs.getString("name"), rs.getString("audience"),
				rs.getString("event"), rs.getString("level"), instant(rs.getTimestamp("created_at")), messageId,
				rs.getString("kind"), rs.getString("channel"), rs.getString("target"), status == null ? "no_channel" : status,
				attemptCount, rs.getString("last_error"), instant(rs.getTimestamp("sent_at")),
				instant(rs.getTimestamp("next_attempt_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
