package io.vigil.timeseries.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Retention of raw readings by domain, whole tables only: the sub-partitions of each day (see
 * {@link DomainLayout}) are dropped on their domain's schedule, and coming days that were created before a
 * domain got a retention of its own are given its sub-partition.
 */
@Component
public class DomainRetention {

	private static final Logger log = LoggerFactory.getLogger(DomainRetention.class);

	private final DataSource dataSource;

	private final DayPartitions partitions;

	private final DomainLayout layout;

	DomainRetention(DataSource dataSource, DayPartitions partitions, DomainLayout layout) {
		this.dataSource = dataSource;
		this.partitions = partitions;
		this.layout = layout;
	}

	/**
	 * Drops what retention allows of {@code readings}, whole tables only: a domain's sub-partition of a
	 * day once that domain's retention has passed, the default sub-partition (and a domain's that has no
	 * retention of its own any more) once the global retention has, a plain day partition (created before
	 * V12 or while no domain had a retention of its own) after the global retention, and a divided one once
	 * it has no sub-partition left.
	 * Returns the days dropped entirely.
	 */
	public List<LocalDate> dropExpired(LocalDate today) throws SQLException {
		List<LocalDate> dropped = new ArrayList<>();
		LocalDate youngestCandidate = today.minusDays(layout.shortest().toDays());
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			for (LocalDate day : partitions.existing(connection, DayPartitions.READINGS)) {
				if (!day.isBefore(youngestCandidate)) {
					break;
				}
				String name = DayPartitions.name(DayPartitions.READINGS, day);
				Map<String, Short> children = DomainLayout.children(connection, name);
				if (children.isEmpty()) {
					// plain (or a divided one whose sub-partitions are all gone): the global retention decides
					if (day.isBefore(today.minusDays(layout.retentionOf(null).toDays()))) {
						partitions.drop(connection, name, true);
						dropped.add(day);
					}
					continue;
				}
				int left = children.size();
				boolean defaultDropped = false;
				for (Map.Entry<String, Short> child : children.entrySet()) {
					if (day.isBefore(today.minusDays(layout.retentionOf(child.getValue()).toDays()))) {
						partitions.drop(connection, child.getKey(), false);
						left--;
						defaultDropped |= child.getValue() == null;
					}
				}
				if (left == 0) {
					partitions.drop(connection, name, true);
					dropped.add(day);
				}
				else if (defaultDropped) {
					partitions.forget(name); // so that a late reading for the day re-creates the default first
				}
			}
		}
		return dropped;
	}

	/**
	 * Gives days after {@code today} that exist already a sub-partition for each domain that was given a
	 * retention of its own since they were created (an empty undivided one is re-created divided). Past
	 * days and today keep such a domain's readings with the others (global retention): attaching a
	 * partition next to a default one scans the default one under a lock the writer would wait for, and
	 * fails if it holds the domain's rows.
	 */
	public void addToComingDays(LocalDate today) throws SQLException {
		if (layout.own().isEmpty()) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			for (LocalDate day : partitions.existing(connection, DayPartitions.READINGS)) {
				String name = DayPartitions.name(DayPartitions.READINGS, day);
				Boolean divided = day.isAfter(today) ? DomainLayout.divided(connection, name) : null;
				if (Boolean.FALSE.equals(divided)) {
					divide(connection, name, day);
				}
				else if (Boolean.TRUE.equals(divided)) {
					var children = DomainLayout.children(connection, name).values();
					for (DomainLayout.OwnRetention domain : layout.own()) {
						if (!children.contains(domain.id())) {
							addDomain(connection, name, domain);
						}
					}
				}
			}
		}
	}

	/** Re-creates an undivided coming day divided, if it holds no reading yet (else it stays as it is). */
	private void divide(Connection connection, String name, LocalDate day) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local lock_timeout = '2s'");
			statement.execute("lock table " + name + " in access exclusive mode");
			boolean empty;
			try (var rs = statement.executeQuery("select not exists (select 1 from " + name + ")")) {
				empty = rs.next() && rs.getBoolean(1);
			}
			if (empty) {
				statement.execute("drop table " + name);
				for (String sql : layout.newDay(name, DayPartitions.range(day))) {
					statement.execute(sql);
				}
				log.info("Re-created the coming day {} divided by domain", name);
			}
			connection.commit();
		}
		catch (SQLException e) {
			connection.rollback();
			log.warn("Could not divide the coming day {} by domain; will retry: {}", name, e.getMessage());
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private void addDomain(Connection connection, String day, DomainLayout.OwnRetention domain) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set lock_timeout = '2s'");
			statement.execute(DomainLayout.domainPartition(day, domain));
			log.info("Added a sub-partition for domain {} to {}", domain.code(), day);
		}
		catch (SQLException e) {
			// 23514: the default sub-partition holds readings of the domain already (far-future readings)
			log.warn("Could not add a sub-partition for domain {} to {}; its readings there follow the global "
					+ "retention: {}", domain.code(), day, e.getMessage());
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("reset lock_timeout");
			}
		}
	}
}
