package io.vigil.notification;

import java.net.URI;
import java.util.List;

import io.vigil.audit.AuditLog;
import io.vigil.notification.internal.Endpoints;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.warning.WarningLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook, WeCom and DingTalk endpoints of an organisation. Admins manage any; other users (not
 * operators) manage their own organisation's. Secrets are write-only.
 */
@Service
public class NotificationEndpoints {

	private static final List<String> KINDS = List.of("webhook", "wecom", "dingtalk");

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final Endpoints endpoints;

	private final AuditLog audit;

	NotificationEndpoints(JdbcClient jdbc, Organisations organisations, Endpoints endpoints, AuditLog audit) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.endpoints = endpoints;
		this.audit = audit;
	}

	public record NewEndpoint(String organisation, String kind, String name, String url, String secret,
			String minLevel) {
	}

	public record EndpointView(long id, String organisation, String kind, String name, String url, boolean signed,
			String minLevel, boolean enabled) {
	}

	@Transactional
	public EndpointView create(CurrentUser user, NewEndpoint e) {
		Organisation organisation = organisations.findByCode(e.organisation() == null ? "" : e.organisation())
			.filter(user::canRead)
			.orElseThrow(() -> new InvalidInputException("organisation", "no organisation '" + e.organisation() + "' in your scope / 机构不存在"));
		if (!user.isAdmin() && (user.role() == Role.ENTERPRISE_OPERATOR
				|| !Long.valueOf(organisation.id()).equals(user.organisationId()))) {
			throw new ForbiddenException("Only admins or the organisation's own managers add endpoints / 无权配置推送地址");
		}
		if (!KINDS.contains(e.kind())) {
			throw new InvalidInputException("kind", "must be one of " + KINDS + " / 类型无效");
		}
		if (e.name() == null || e.name().isBlank()) {
			throw new InvalidInputException("name", "is required / 必填");
		}
		try {
			URI uri = URI.create(e.url());
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
				throw new IllegalArgumentException();
			}
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("url", "must be an http(s) URL / 地址无效");
		}
		String minLevel;
		try {
			minLevel = WarningLevel.parse(e.minLevel() == null ? "blue" : e.minLevel()).en();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("minLevel", ex.getMessage());
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notification_endpoints (organisation_id, kind, name, url, secret, min_level)
				values (:org, :kind, :name, :url, :secret, :min)""")
			.param("org", organisation.id()).param("kind", e.kind()).param("name", e.name()).param("url", e.url())
			.param("secret", e.secret()).param("min", minLevel).update(keys, "id");
		endpoints.invalidate();
		EndpointView view = list(user).stream().filter(v -> v.id() == keys.getKey().longValue()).findFirst().orElseThrow();
		audit.record(user.username(), "create", "notification_endpoint", String.valueOf(view.id()), organisation.id(),
				null, view);
		return view;
	}

	public List<EndpointView> list(CurrentUser user) {
		DataScope.SqlFilter scope = user.scope().sql("o");
		return jdbc.sql("""
				select e.*, o.code from notification_endpoints e join organisations o on o.id = e.organisation_id
				""" + " where " + scope.sql() + " order by e.id")
			.params(scope.params())
			.query((rs, row) -> new EndpointView(rs.getLong("id"), rs.getString("code"), rs.getString("kind"),
					rs.getString("name"), rs.getString("url"), rs.getString("secret") != null, rs.getString("min_level"),
					rs.getBoolean("enabled")))
			.list();
	}
}
