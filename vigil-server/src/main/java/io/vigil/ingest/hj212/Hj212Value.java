package io.vigil.ingest.hj212;

/**
 * One numeric value of a data upload, e.g. {@code a01001-Rtd=23.5} with {@code a01001-Flag=N}.
 *
 * @param code the pollutant or parameter code ({@code a01001})
 * @param field the value's field: {@code Rtd, Min, Avg, Max, Cou, ZsRtd, ZsMin, ZsAvg, ZsMax}
 * @param value the value as sent; always finite, because the decoder only accepts plain decimal numbers
 * @param flag the HJ 212 data flag letter(s) for the code ({@code N}, {@code S}, {@code F}, {@code M},
 *     {@code D}, {@code C}, {@code T}, {@code B}...) exactly as sent, or {@code null} when the frame carries none
 */
public record Hj212Value(String code, String field, double value, String flag) {
}
