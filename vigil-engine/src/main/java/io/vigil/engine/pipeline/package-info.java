/** Coupled models for pipelines: several sensors of one asset judged together (leak, gas with pressure drop, third-party damage). */
package io.vigil.engine.pipeline;
