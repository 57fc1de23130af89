package io.vigil.registry.web;

import java.nio.charset.StandardCharsets;

import io.vigil.organisation.CurrentUser;
import io.vigil.registry.AssetQuery;
import io.vigil.registry.BulkExport;
import io.vigil.registry.BulkImport;
import io.vigil.registry.ImportReport;
import io.vigil.registry.SensorQuery;
import io.vigil.registry.TransferFormat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import and export of assets and sensors as GeoJSON or CSV. An import answers 200 with its
 * report when every row was stored or it was partial, and 422 with the report (nothing stored) when
 * an all-or-nothing import had rejected rows.
 */
@RestController
class TransferController {

	private final BulkImport imports;

	private final BulkExport exports;

	TransferController(BulkImport imports, BulkExport exports) {
		this.imports = imports;
		this.exports = exports;
	}

	@PostMapping("/api/v1/assets/import")
	ResponseEntity<ImportReport> importAssets(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String format, @RequestParam(defaultValue = "false") boolean partial,
			@RequestBody byte[] bytes) {
		String body = utf8(bytes);
		return answer(imports.assets(user, TransferFormat.of(format, body), body, partial));
	}

	@PostMapping("/api/v1/sensors/import")
	ResponseEntity<ImportReport> importSensors(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String format, @RequestParam(defaultValue = "false") boolean partial,
			@RequestBody byte[] bytes) {
		String body = utf8(bytes);
		return answer(imports.sensors(user, TransferFormat.of(format, body), body, partial));
	}

	@GetMapping("/api/v1/assets/export")
	ResponseEntity<String> exportAssets(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "geojson") String format, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String type, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String bbox) {
		TransferFormat f = TransferFormat.of(format, null);
		return file("assets", f, exports.assets(user, f, new AssetQuery(enterprise, type, domain, bbox, null, null)));
	}

	@GetMapping("/api/v1/sensors/export")
	ResponseEntity<String> exportSensors(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "geojson") String format, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String asset, @RequestParam(required = false) String type) {
		TransferFormat f = TransferFormat.of(format, null);
		return file("sensors", f, exports.sensors(user, f, new SensorQuery(enterprise, asset, type, null, null)));
	}

	/** Import files are UTF-8 whatever the Content-Type says (a bare text/csv would otherwise mean ISO-8859-1). */
	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static ResponseEntity<ImportReport> answer(ImportReport report) {
		boolean refused = !report.complete() && !report.partial();
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	private static ResponseEntity<String> file(String name, TransferFormat format, String content) {
		String extension = format == TransferFormat.GEOJSON ? "geojson" : "csv";
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + extension + "\"")
			.body(content);
	}
}
