/**
 * The time-series store: raw readings in day partitions written in batches with COPY, latest
 * values, 1-minute and 1-hour roll-ups, and the queries charts and evaluation need.
 */
package io.vigil.timeseries;
