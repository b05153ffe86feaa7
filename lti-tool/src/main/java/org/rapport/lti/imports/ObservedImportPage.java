package org.rapport.lti.imports;

/**
 * One import of observed ratings: what it created; {@code notice} when a re-upload changed nothing.
 */
record ObservedImportPage(ObservedImports.ImportView imported, String notice) {}
