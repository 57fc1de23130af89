package io.vigil.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.platform.ConflictException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.registry.internal.GeoJson;
import io.vigil.registry.internal.Inputs;
import io.vigil.registry.internal.LocalMetres;
import io.vigil.registry.internal.Owners;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Third-party construction works (R9.5), and the question detection asks of them: is anyone digging
 * here, now? Read within the caller's scope; written by those who may write the owner's data.
 */
@Service
public class ConstructionWorks {

	private static final String SELECT = """
			select w.*, o.code as organisation_code from construction_works w join organisations o on o.id = w.organisation_id
			""";

	private final JdbcClient jdbc;

	private final Owners owners;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	ConstructionWorks(JdbcClient jdbc, Owners owners, AuditLog audit, ApplicationEventPublisher events,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.owners = owners;
		this.audit = audit;
		this.events = events;
		this.json = json;
	}

	/** Works in scope, optionally only those active at {@code activeAt}. */
	public Page<ConstructionWork> list(CurrentUser user, Instant activeAt, String organisation, int page, int size) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		StringBuilder where = new StringBuilder(" where " + filter.sql());
		Map<String, Object> params = new HashMap<>(filter.params());
		if (activeAt != null) {
			where.append(" and w.starts_at <= :at and w.ends_at > :at");
			params.put("at", Timestamp.from(activeAt));
		}
		if (organisation != null) {
			where.append(" and o.code = :organisation");
			params.put("organisation", organisation);
		}
		long total = jdbc.sql("select count(*) from construction_works w join organisations o on o.id = w.organisation_id"
				+ where).params(params).query(Long.class).single();
		params.put("limit", Inputs.size(size));
		params.put("offset", (long) Inputs.page(page) * Inputs.size(size));
		List<ConstructionWork> items = jdbc.sql(SELECT + where + " order by w.starts_at, w.code limit :limit offset :offset")
			.params(params).query(this::map).list();
		return new Page<>(items, total);
	}

	public ConstructionWork get(CurrentUser user, String code) {
		DataScope.SqlFilter filter = user.scope().sql("o");
		return jdbc.sql(SELECT + " where w.code = :code and " + filter.sql()).params(filter.params()).param("code", code)
			.query(this::map).optional().orElseThrow(() -> new NotFoundException("construction works", code));
	}

	/**
	 * Works active at {@code at} whose area contains the point or lies within {@code withinMetres} of
	 * it, nearest first. No scope check: for detection and the map, which decide what to show.
	 */
	public List<ConstructionWork> activeNear(double lon, double lat, Instant at, double withinMetres) {
		GeoJson.checkLonLat("lon", lon, lat);
		double margin = LocalMetres.degreesLatitude(withinMetres);
		double marginLon = LocalMetres.degreesLongitude(withinMetres, lat);
		List<ConstructionWork> candidates = jdbc.sql(SELECT + """
				 where w.starts_at <= :at and w.ends_at > :at
				   and w.max_lon >= :lon - :mlon and w.min_lon <= :lon + :mlon
				   and w.max_lat >= :lat - :mlat and w.min_lat <= :lat + :mlat""")
			.param("at", Timestamp.from(at)).param("lon", lon).param("lat", lat).param("mlon", marginLon)
			.param("mlat", margin).query(this::map).list();
		LocalMetres metres = new LocalMetres(lon, lat);
		Map<ConstructionWork, Double> distances = new HashMap<>();
		for (ConstructionWork work : candidates) {
			double distance = metres.distanceToPoint(GeoJson.parse("geometry", work.geometry()));
			if (distance <= withinMetres) {
				distances.put(work, distance);
			}
		}
		return distances.keySet().stream().sorted(java.util.Comparator.comparing(distances::get)).toList();
	}

	/** {@link #activeNear(double, double, Instant, double)} limited to what the user may see. */
	public List<ConstructionWork> activeNear(CurrentUser user, double lon, double lat, Instant at, double withinMetres) {
		return activeNear(lon, lat, at, withinMetres).stream().filter(w -> owners.canRead(user, w.organisation()))
			.toList();
	}

	@Transactional
	public ConstructionWork create(CurrentUser user, NewConstructionWork command) {
		String code = Inputs.code("code", command.code());
		Organisation owner = owners.writableOrganisation(user, "organisation", command.organisation());
		Map<String, Object> params = check(command);
		if (find(code).isPresent()) {
			throw new ConflictException("code", "construction works with code '" + code + "' already exist / 施工编码重复");
		}
		jdbc.sql("""
				insert into construction_works (code, name, organisation_id, geometry, min_lon, min_lat, max_lon, max_lat,
				    starts_at, ends_at, contractor, permit)
				values (:code, :name, :owner, cast(:geometry as jsonb), :minLon, :minLat, :maxLon, :maxLat,
				    :startsAt, :endsAt, :contractor, :permit)""")
			.params(params).param("code", code).param("owner", owner.id()).update();
		ConstructionWork created = find(code).orElseThrow();
		audit.record(user.username(), "create", "construction_work", code, owner.id(), null, created);
		events.publishEvent(new RegistryChanged("construction_work", code, "create"));
		return created;
	}

	/** Replaces everything but the code and the organisation (e.g. to extend the time window). */
	@Transactional
	public ConstructionWork update(CurrentUser user, String code, NewConstructionWork command) {
		ConstructionWork before = get(user, code);
		if (command.organisation() != null && !command.organisation().equals(before.organisation())) {
			throw new InvalidInputException("organisation", "cannot be changed / 所属单位不可修改");
		}
		Organisation owner = owners.writableOrganisation(user, "organisation", before.organisation());
		jdbc.sql("""
				update construction_works set name = :name, geometry = cast(:geometry as jsonb), min_lon = :minLon,
				    min_lat = :minLat, max_lon = :maxLon, max_lat = :maxLat, starts_at = :startsAt, ends_at = :endsAt,
				    contractor = :contractor, permit = :permit, updated_at = now() where id = :id""")
			.params(check(command)).param("id", before.id()).update();
		ConstructionWork after = find(code).orElseThrow();
		audit.record(user.username(), "update", "construction_work", code, owner.id(), before, after);
		events.publishEvent(new RegistryChanged("construction_work", code, "update"));
		return after;
	}

	@Transactional
	public void delete(CurrentUser user, String code) {
		ConstructionWork before = get(user, code);
		Organisation owner = owners.writableOrganisation(user, "organisation", before.organisation());
		jdbc.sql("delete from construction_works where id = :id").param("id", before.id()).update();
		audit.record(user.username(), "delete", "construction_work", code, owner.id(), before, null);
		events.publishEvent(new RegistryChanged("construction_work", code, "delete"));
	}

	private Optional<ConstructionWork> find(String code) {
		return jdbc.sql(SELECT + " where w.code = :code").param("code", code).query(this::map).optional();
	}

	private Map<String, Object> check(NewConstructionWork command) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", Inputs.text("name", command.name(), 200));
		Geometry area = GeoJson.parse("geometry", command.geometry());
		GeoJson.requireKind("geometry", area, "Polygon", "construction work");
		params.put("geometry", json.writeValueAsString(GeoJson.write(area)));
		double[] bbox = GeoJson.bbox(area);
		params.put("minLon", bbox[0]);
		params.put("minLat", bbox[1]);
		params.put("maxLon", bbox[2]);
		params.put("maxLat", bbox[3]);
		if (command.startsAt() == null) {
			throw new InvalidInputException("startsAt", "is required (ISO-8601 instant) / 必填");
		}
		if (command.endsAt() == null) {
			throw new InvalidInputException("endsAt", "is required (ISO-8601 instant) / 必填");
		}
		if (!command.endsAt().isAfter(command.startsAt())) {
			throw new InvalidInputException("endsAt", "must be after startsAt / 结束时间必须晚于开始时间");
		}
		params.put("startsAt", Timestamp.from(command.startsAt()));
		params.put("endsAt", Timestamp.from(command.endsAt()));
		params.put("contractor", Inputs.optionalText("contractor", command.contractor(), 200));
		params.put("permit", Inputs.optionalText("permit", command.permit(), 100));
		return params;
	}

	private ConstructionWork map(ResultSet rs, int row) throws SQLException {
		return new ConstructionWork(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("organisation_code"), json.readTree(rs.getString("geometry")),
				List.of(rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat")),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("contractor"),
				rs.getString("permit"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
