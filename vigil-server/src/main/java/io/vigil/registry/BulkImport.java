package io.vigil.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.vigil.organisation.CurrentUser;
import io.vigil.platform.ConflictException;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import io.vigil.registry.internal.AssetFormats;
import io.vigil.registry.internal.ParsedRow;
import io.vigil.registry.internal.SensorFormats;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.stereotype.Service;

/**
 * Bulk import of assets and sensors from GeoJSON or CSV, through the same checks, scope rules and
 * audit as single creates. All-or-nothing by default: every row is tried inside one transaction
 * (each in its own savepoint, so one bad row does not hide the problems of the next) and, if any is
 * rejected, the whole transaction is rolled back and the report lists every problem. With
 * {@code partial} the good rows are kept. Rows are created in file order, so a parent asset (or a
 * sensor's asset) must come before the rows that refer to it, or already exist.
 */
@Service
public class BulkImport {

	private final AssetRegistry assets;

	private final SensorRegistry sensors;

	private final JsonMapper json;

	private final TransactionTemplate whole;

	private final TransactionTemplate row;

	BulkImport(AssetRegistry assets, SensorRegistry sensors, JsonMapper json, PlatformTransactionManager transactions) {
		this.assets = assets;
		this.sensors = sensors;
		this.json = json;
		this.whole = new TransactionTemplate(transactions);
		this.row = new TransactionTemplate(transactions);
		this.row.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public ImportReport assets(CurrentUser user, TransferFormat format, String body, boolean partial) {
		List<ParsedRow<NewAsset>> rows = format == TransferFormat.GEOJSON ? AssetFormats.fromGeoJson(json, body)
				: AssetFormats.fromCsv(json, body);
		return run(format, rows, partial, command -> assets.create(user, command));
	}

	public ImportReport sensors(CurrentUser user, TransferFormat format, String body, boolean partial) {
		List<ParsedRow<NewSensor>> rows = format == TransferFormat.GEOJSON ? SensorFormats.fromGeoJson(json, body)
				: SensorFormats.fromCsv(body);
		return run(format, rows, partial, command -> sensors.create(user, command));
	}

	private <C> ImportReport run(TransferFormat format, List<ParsedRow<C>> rows, boolean partial, Consumer<C> create) {
		return whole.execute(status -> {
			List<ImportReport.Rejected> rejected = new ArrayList<>();
			int stored = 0;
			for (ParsedRow<C> parsed : rows) {
				if (parsed.problem() != null) {
					rejected.add(new ImportReport.Rejected(parsed.index(), parsed.line(), parsed.code(),
							parsed.problem().field(), parsed.problem().reason()));
					continue;
				}
				try {
					row.executeWithoutResult(savepoint -> create.accept(parsed.command()));
					stored++;
				}
				catch (InvalidInputException e) {
					rejected.add(rejected(parsed, e.field(), e.reason()));
				}
				catch (ConflictException e) {
					rejected.add(rejected(parsed, e.field(), e.getMessage()));
				}
				catch (ForbiddenException | NotFoundException e) {
					rejected.add(rejected(parsed, null, e.getMessage()));
				}
				catch (DataAccessException e) {
					rejected.add(rejected(parsed, null, "conflicts with existing data / 与已有数据冲突: "
							+ e.getMostSpecificCause().getMessage()));
				}
			}
			if (!rejected.isEmpty() && !partial) {
				status.setRollbackOnly();
				stored = 0;
			}
			return new ImportReport(format.name().toLowerCase(), partial, rows.size(), stored, List.copyOf(rejected));
		});
	}

	private static ImportReport.Rejected rejected(ParsedRow<?> parsed, String field, String reason) {
		return new ImportReport.Rejected(parsed.index(), parsed.line(), parsed.code(), field, reason);
	}
}
