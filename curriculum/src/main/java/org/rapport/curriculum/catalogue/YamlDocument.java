package org.rapport.curriculum.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One catalogue file (a module, an instrument definition, a licensed texts file) being read: its
 * YAML and every problem found in it, each naming the file and the field, so that whoever keeps the
 * file sees all its mistakes at once rather than one per attempt. Both catalogues read their files
 * through this class and {@link YamlFields}, so both follow the same rules and word problems alike.
 *
 * <p>The YAML is read with SnakeYAML's safe constructor (plain maps, lists and scalars only), with
 * duplicate keys refused and aliases limited.
 */
public final class YamlDocument {
  private static final int MAX_ALIASES = 20;

  private final String file;
  private final List<CatalogueFiles.Problem> problems = new ArrayList<>();

  /**
   * @param file how problems name the file: a classpath resource or a file-system path
   */
  public YamlDocument(String file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  public String file() {
    return file;
  }

  /**
   * The document's top-level mapping; null, with a problem about the whole file or the place of a
   * syntax error, when the text is not YAML, is empty or is not a mapping.
   *
   * @param fieldsHint the first fields of such a file, for the message ("id, family, title, ...")
   */
  public YamlFields root(String yaml, String fieldsHint) {
    Object document;
    try {
      document = newYaml().load(Objects.requireNonNull(yaml, "yaml"));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String field =
          mark == null
              ? CatalogueFiles.WHOLE_FILE
              : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      problem(field, "is not valid YAML: " + what);
      return null;
    } catch (YAMLException e) {
      problem(CatalogueFiles.WHOLE_FILE, "is not valid YAML: " + e.getMessage());
      return null;
    }
    if (document == null) {
      problem(CatalogueFiles.WHOLE_FILE, "is empty");
      return null;
    }
    if (!(document instanceof Map<?, ?> map)) {
      problem(
          CatalogueFiles.WHOLE_FILE,
          "must be a set of fields (" + fieldsHint + "), not " + YamlFields.describe(document));
      return null;
    }
    return new YamlFields(this, map, "");
  }

  /** Records a problem at {@code field} ({@link CatalogueFiles#WHOLE_FILE} for the whole file). */
  public void problem(String field, String message) {
    problems.add(new CatalogueFiles.Problem(file, field, message));
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** The problems found so far, in the order found (a live, read-only view). */
  public List<CatalogueFiles.Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    return new Yaml(new SafeConstructor(options));
  }
}
