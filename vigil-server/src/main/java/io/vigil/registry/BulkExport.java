package io.vigil.registry;

import io.vigil.organisation.CurrentUser;
import io.vigil.registry.internal.AssetFormats;
import io.vigil.registry.internal.SensorFormats;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/** Exports the assets and sensors the caller may see, in the formats {@link BulkImport} reads back. */
@Service
public class BulkExport {

	private final AssetRegistry assets;

	private final SensorRegistry sensors;

	private final JsonMapper json;

	BulkExport(AssetRegistry assets, SensorRegistry sensors, JsonMapper json) {
		this.assets = assets;
		this.sensors = sensors;
		this.json = json;
	}

	/** The query's page and size are ignored: an export holds everything that matches. */
	public String assets(CurrentUser user, TransferFormat format, AssetQuery query) {
		AssetQuery all = new AssetQuery(query.enterprise(), query.type(), query.domain(), query.bbox(), null, null);
		var items = assets.list(user, all).items();
		return format == TransferFormat.GEOJSON ? json.writeValueAsString(AssetFormats.toGeoJson(items))
				: AssetFormats.toCsv(json, items);
	}

	public String sensors(CurrentUser user, TransferFormat format, SensorQuery query) {
		SensorQuery all = new SensorQuery(query.enterprise(), query.asset(), query.type(), null, null);
		var items = sensors.list(user, all).items();
		return format == TransferFormat.GEOJSON ? json.writeValueAsString(SensorFormats.toGeoJson(json, items))
				: SensorFormats.toCsv(items);
	}
}
