/** Replay of labelled CSV files through the live detector code, with scoring (F1/FAR/MAR, NAB score, detection rate). */
package io.vigil.engine.backtest;
