package io.vigil.timeseries.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.registry.DomainPack;
import io.vigil.registry.DomainPacks;
import io.vigil.timeseries.TimeseriesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How a day partition of {@code readings} is divided by domain: a LIST sub-partition per domain with a
 * retention of its own ({@code vigil.timeseries.domain-retention}) and a default one for the rest, and
 * how long each sub-partition is kept. Without any domain retention, days are not divided. Sub-partition
 * names are for people (the day's name plus the domain code, or {@code _default}); the store itself goes
 * by the partition bounds, which hold the ids.
 */
@Component
public class DomainLayout {

	/** A domain with a retention of its own. */
	public record OwnRetention(String code, short id, Duration retention) {
	}

	private static final Logger log = LoggerFactory.getLogger(DomainLayout.class);

	private static final Pattern ID = Pattern.compile("\\d+");

	/**
	 * Each table that holds readings has its own key (see V12): idempotence without the domain in an index
	 * on all of {@code readings}, which PostgreSQL would insist on.
	 */
	private static final String KEY = " (primary key (sensor_id, ts))";

	private final List<OwnRetention> own = new ArrayList<>();

	private final Duration retention;

	DomainLayout(TimeseriesSettings settings, ReadingDomains domains, DomainPacks packs) {
		this.retention = settings.retention();
		settings.domainRetention().forEach((key, kept) -> {
			String code = packCode(key, packs);
			if (own.stream().anyMatch(o -> o.code().equals(code))) {
				log.warn("vigil.timeseries.domain-retention names domain {} twice; the first one found counts", code);
				return;
			}
			own.add(new OwnRetention(code, domains.id(code), kept));
			log.info("Raw readings of domain {} are kept {} days (others {})", code, kept.toDays(), retention.toDays());
		});
	}

	/**
	 * Spring Boot drops underscores from map keys that are not in brackets, so {@code hazchem_pipeline}
	 * may arrive as {@code hazchempipeline}: match it to the pack it must mean.
	 */
	private static String packCode(String key, DomainPacks packs) {
		if (packs.pack(key).isPresent()) {
			return key;
		}
		for (DomainPack pack : packs.packs()) {
			if (pack.code().replace("_", "").equals(key)) {
				return pack.code();
			}
		}
		log.warn("vigil.timeseries.domain-retention.{} names no loaded domain pack; kept as configured", key);
		return key;
	}

	public List<OwnRetention> own() {
		return List.copyOf(own);
	}

	/** How long a sub-partition for {@code domain} (null: the default one) is kept. */
	Duration retentionOf(Short domain) {
		for (OwnRetention o : own) {
			if (domain != null && o.id() == domain) {
				return o.retention();
			}
		}
		return retention;
	}

	/** The shortest retention of any raw reading: days younger than this hold nothing to drop. */
	Duration shortest() {
		Duration shortest = retention;
		for (OwnRetention o : own) {
			if (o.retention().compareTo(shortest) < 0) {
				shortest = o.retention();
			}
		}
		return shortest;
	}

	/**
	 * The statements that create a new day partition ({@code range} from {@link DayPartitions#range}).
	 * Without any domain retention it is a plain table as before V12: the writer's COPY then routes each
	 * row through one level of partitions, not two.
	 */
	List<String> newDay(String day, String range) {
		if (own.isEmpty()) {
			return List.of("create table " + day + " partition of readings" + KEY + range);
		}
		List<String> statements = new ArrayList<>();
		statements.add("create table " + day + " partition of readings" + range + " partition by list (domain)");
		for (OwnRetention domain : own) {
			statements.add(domainPartition(day, domain));
		}
		statements.add(defaultPartition(day));
		return statements;
	}

	/** The statement that creates the sub-partition of {@code day} (a day partition's name) for a domain. */
	static String domainPartition(String day, OwnRetention domain) {
		String name = day + "_" + domain.code();
		if (name.length() > 63 || domain.code().equals("default")) {
			name = day + "_d" + domain.id();
		}
		return "create table " + name + " partition of " + day + KEY + " for values in (" + domain.id() + ")";
	}

	static String defaultPartition(String day) {
		return "create table " + day + "_default partition of " + day + KEY + " default";
	}

	/**
	 * The sub-partitions of a day partition, by name, each with its domain id (null for the default); empty
	 * for a day partition that is not divided by domain (created before V12) or does not exist.
	 */
	static Map<String, Short> children(Connection connection, String day) throws SQLException {
		Map<String, Short> children = new LinkedHashMap<>();
		try (var statement = connection.prepareStatement("""
				select c.relname, pg_get_expr(c.relpartbound, c.oid) from pg_inherits i
				join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass(?) order by c.relname""")) {
			statement.setString(1, day);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Matcher id = ID.matcher(rs.getString(2));
					children.put(rs.getString(1), id.find() ? Short.valueOf(id.group()) : null);
				}
			}
		}
		return children;
	}

	/** Whether the day partition exists and is itself partitioned (by domain). */
	static Boolean divided(Connection connection, String day) throws SQLException {
		try (var statement = connection.prepareStatement("select relkind = 'p' from pg_class where oid = to_regclass(?)")) {
			statement.setString(1, day);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getBoolean(1) : null;
			}
		}
	}
}
