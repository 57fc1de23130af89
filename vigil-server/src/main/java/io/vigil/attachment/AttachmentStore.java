package io.vigil.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

import io.vigil.attachment.internal.FileKinds;
import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisations;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.platform.PlatformSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores uploaded files under {@code <data-dir>/attachments/<sha256>} with one metadata row per upload,
 * and hands them back only to users whose data scope covers the uploader's organisation.
 */
@Service
public class AttachmentStore {

	/** Photos from a phone fit comfortably; anything larger belongs in a document system. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Clock clock;

	private final Path directory;

	AttachmentStore(JdbcClient jdbc, Organisations organisations, AuditLog audit, Clock clock,
			PlatformSettings settings) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.directory = settings.dataDir().resolve("attachments");
	}

	/** The bytes of an attachment and its metadata. */
	public record Content(Attachment attachment, byte[] bytes) {
	}

	@Transactional
	public Attachment store(CurrentUser user, String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidInputException("file", "is empty / 文件为空");
		}
		if (bytes.length > MAX_BYTES) {
			throw new AttachmentTooLargeException(bytes.length, MAX_BYTES);
		}
		String contentType = FileKinds.detect(bytes).orElseThrow(() -> new InvalidInputException("file",
				"only JPEG, PNG, WebP images and PDF are accepted; the file's content is none of them"
						+ " / 仅支持 JPEG、PNG、WebP 图片和 PDF 文件"));
		String sha256 = sha256(bytes);
		write(sha256, bytes);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into attachments (sha256, name, content_type, size, uploaded_by, organisation_id, uploaded_at)
				values (:sha, :name, :type, :size, :by, :org, :at)""")
			.param("sha", sha256).param("name", name(fileName)).param("type", contentType)
			.param("size", (long) bytes.length).param("by", user.username()).param("org", user.organisationId())
			.param("at", Timestamp.from(clock.instant())).update(keys, "id");
		Attachment stored = find(keys.getKey().longValue());
		audit.record(user.username(), "upload", "attachment", String.valueOf(stored.id()), stored.organisationId(),
				null, stored);
		return stored;
	}

	public Content open(CurrentUser user, long id) {
		Attachment attachment = jdbc.sql("select * from attachments where id = :id").param("id", id)
			.query(AttachmentStore::map).optional().filter(a -> mayRead(user, a))
			.orElseThrow(() -> new NotFoundException("attachment", id));
		try {
			return new Content(attachment, Files.readAllBytes(directory.resolve(attachment.sha256())));
		}
		catch (IOException e) {
			throw new UncheckedIOException("attachment " + id + " has a row but no file", e);
		}
	}

	/** Admins, the uploader, the uploader's own organisation, and everyone whose scope covers it. */
	private boolean mayRead(CurrentUser user, Attachment attachment) {
		if (user.isAdmin() || user.username().equals(attachment.uploadedBy())) {
			return true;
		}
		if (attachment.organisationId() == null) {
			return false;
		}
		return Objects.equals(user.organisationId(), attachment.organisationId())
				|| organisations.findById(attachment.organisationId()).filter(user::canRead).isPresent();
	}

	private void write(String sha256, byte[] bytes) {
		Path target = directory.resolve(sha256);
		if (Files.exists(target)) {
			return;
		}
		try {
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, sha256, ".part");
			Files.write(partial, bytes);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot store attachment in " + directory, e);
		}
	}

	private Attachment find(long id) {
		return jdbc.sql("select * from attachments where id = :id").param("id", id).query(AttachmentStore::map)
			.single();
	}

	private static String name(String fileName) {
		String name = fileName == null ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty()) {
			return "attachment";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		long org = rs.getLong("organisation_id");
		Long organisationId = rs.wasNull() ? null : org;
		return new Attachment(rs.getLong("id"), rs.getString("sha256"), rs.getString("name"),
				rs.getString("content_type"), rs.getLong("size"), rs.getString("uploaded_by"), organisationId,
				rs.getTimestamp("uploaded_at").toInstant());
	}
}
