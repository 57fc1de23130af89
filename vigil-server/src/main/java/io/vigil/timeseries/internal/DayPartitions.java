package io.vigil.timeseries.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Creates and drops the UTC-day partitions of {@code readings} and {@code rollup_1m}. There is no
 * default day partition, so every day must exist before rows for it are inserted: the writer calls
 * {@link #ensure} with the batch's days (a map look-up once a day is known), the maintenance task
 * creates the coming days ahead of time. Creation runs in its own short transaction because it
 * locks the parent table. A day of {@code readings} is created divided by domain when some domain has
 * a retention of its own (see {@link DomainLayout}), in the same transaction, so no day ever exists
 * without somewhere for every row; each table that holds readings gets its primary key with it.
 */
@Component
public class DayPartitions {

	public static final String READINGS = "readings";

	public static final String MINUTE_ROLLUPS = "rollup_1m";

	private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final DataSource dataSource;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final DomainLayout layout;

	DayPartitions(DataSource dataSource, DomainLayout layout) {
		this.dataSource = dataSource;
		this.layout = layout;
	}

	/** Makes sure the table has a partition for each day, creating the missing ones. */
	public void ensure(String table, Collection<LocalDate> days) throws SQLException {
		List<LocalDate> missing = new ArrayList<>();
		for (LocalDate day : days) {
			if (!known.contains(name(table, day))) {
				missing.add(day);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			for (LocalDate day : missing) {
				create(connection, table, day);
			}
		}
	}

	private synchronized void create(Connection connection, String table, LocalDate day) throws SQLException {
		String name = name(table, day);
		if (known.contains(name)) {
			return;
		}
		String range = range(day);
		try {
			if (READINGS.equals(table)) {
				createReadingsDay(connection, name, range);
			}
			else {
				try (Statement statement = connection.createStatement()) {
					statement.execute("create table if not exists " + name + " partition of " + table + range);
					log.info("Created partition {}", name);
				}
			}
		}
		catch (SQLException e) {
			// Another node (or a racing transaction) may have created it between our check and ours.
			if (!"42P07".equals(e.getSQLState()) && !existing(connection, table).contains(day)) {
				throw e;
			}
		}
		known.add(name);
	}

	/**
	 * A new day gets its domain sub-partitions and the default one in one transaction. A day that exists
	 * divided by domain but lost its default one (retention dropped it and kept a domain's) gets it back,
	 * so that a late reading for that day still finds a place instead of failing its whole batch.
	 */
	private void createReadingsDay(Connection connection, String name, String range) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			Boolean divided = DomainLayout.divided(connection, name);
			if (divided == null) {
				for (String sql : layout.newDay(name, range)) {
					statement.execute(sql);
				}
				log.info("Created partition {} ({} domain sub-partitions)", name, layout.own().size());
			}
			else if (divided && !DomainLayout.children(connection, name).containsValue(null)) {
				statement.execute(DomainLayout.defaultPartition(name));
				log.info("Re-created the default sub-partition of {}", name);
			}
			connection.commit();
		}
		catch (SQLException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/** The days that currently have a partition of the table, oldest first. */
	public Set<LocalDate> existing(String table) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return existing(connection, table);
		}
	}

	Set<LocalDate> existing(Connection connection, String table) throws SQLException {
		Set<LocalDate> days = new TreeSet<>();
		try (var statement = connection.prepareStatement("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				join pg_class p on p.oid = i.inhparent where p.relname = ? and p.relnamespace = c.relnamespace""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String name = rs.getString(1);
					String suffix = name.substring(name.lastIndexOf("_p") + 2);
					days.add(LocalDate.parse(suffix, SUFFIX));
					known.add(name);
				}
			}
		}
		return days;
	}

	/**
	 * Drops the partitions of whole days before {@code firstKept}. Gives up quickly (and retries next
	 * time) rather than queue behind a long query and stall the writer behind its lock.
	 */
	public List<LocalDate> dropBefore(String table, LocalDate firstKept) throws SQLException {
		List<LocalDate> dropped = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			for (LocalDate day : existing(connection, table)) {
				if (!day.isBefore(firstKept)) {
					break;
				}
				drop(connection, name(table, day), true);
				dropped.add(day);
			}
		}
		return dropped;
	}

	/** Drops a partition, giving up quickly rather than stall the writer behind its lock. */
	void drop(Connection connection, String name, boolean forget) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set lock_timeout = '2s'");
			if (forget) {
				known.remove(name);
			}
			statement.execute("drop table if exists " + name);
			log.info("Dropped partition {} (retention)", name);
		}
		finally {
			try (Statement statement = connection.createStatement()) {
				statement.execute("reset lock_timeout");
			}
		}
	}

	/** Forgets that a day's layout is complete, so that the next {@link #ensure} for it checks again. */
	void forget(String name) {
		known.remove(name);
	}

	/** The bound of the day's partition. */
	static String range(LocalDate day) {
		return " for values from ('" + day.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime() + "') to ('"
				+ day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime() + "')";
	}

	static String name(String table, LocalDate day) {
		return table + "_p" + SUFFIX.format(day);
	}
}
