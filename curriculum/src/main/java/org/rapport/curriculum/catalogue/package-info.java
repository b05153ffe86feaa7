/**
 * How the module and instrument catalogues find and read their YAML files, with one set of rules:
 * the files shipped with Rapport are those a classpath {@code index.txt} lists (nothing is
 * scanned); an institution's own are the {@code .yaml} and {@code .yml} files directly in the
 * directory it configures, which must exist. Every file is read as strict UTF-8 ({@link
 * org.rapport.curriculum.catalogue.CatalogueFiles}), parsed as safe YAML ({@link
 * org.rapport.curriculum.catalogue.YamlDocument}) and its fields read by one field reader ({@link
 * org.rapport.curriculum.catalogue.YamlFields}), so a module and an instrument definition word the
 * same mistake alike; each problem names its file and field.
 */
package org.rapport.curriculum.catalogue;
