/**
 * Learning modules: the content format (one YAML file per module), the reader that validates it,
 * and the catalogue of shipped and institution-supplied modules that the rest of Rapport browses.
 */
package org.rapport.curriculum.modules;
