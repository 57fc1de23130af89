/**
 * The Binhai New Area demo: invented enterprises, pipelines and sensors in real jurisdictions, loaded
 * through the modules' public services, and a simulator that keeps live readings flowing.
 */
package io.vigil.demo;
