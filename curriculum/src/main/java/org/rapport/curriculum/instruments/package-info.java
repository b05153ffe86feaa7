/**
 * Self-assessment instruments: their definitions (YAML data files, shipped on the classpath or
 * supplied by an institution), validation of those files, and the licensed item texts an
 * institution supplies for instruments whose wording Rapport may not ship.
 */
package org.rapport.curriculum.instruments;
