package org.rapport.curriculum.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The YAML files of a catalogue (modules or instruments) and what kept any of them from being read.
 * The one loader both catalogues use, so both follow the rules of this package.
 *
 * @param sources the files read, in order: shipped ones as their index lists them, an institution's
 *     by file name
 * @param problems everything wrong, each naming its file (or index line, or directory)
 */
public record CatalogueFiles(List<Source> sources, List<Problem> problems) {

  /** The field of a problem about a whole file (unreadable, not UTF-8, not on the classpath). */
  public static final String WHOLE_FILE = "(file)";

  /** The field of a problem about the institution's directory. */
  public static final String DIRECTORY = "(directory)";

  /**
   * A catalogue file name: lowercase words joined by hyphens, ending {@code .yaml} or {@code .yml}.
   */
  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.ya?ml");

  /**
   * One file's text.
   *
   * @param name a classpath resource ({@code modules/teach-back.yaml}) or a file-system path
   */
  public record Source(String name, String text) {}

  /** One thing that kept a file from being read, worded for the person who keeps the files. */
  public record Problem(String source, String field, String message) {}

  public CatalogueFiles {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  /** Whether {@code name} ends like a catalogue file: {@code .yaml} or {@code .yml}. */
  public static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** {@code name} without its {@code .yaml} or {@code .yml} ending (unchanged without one). */
  public static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && isYaml(name) ? name.substring(0, dot) : name;
  }

  /**
   * The files shipped with Rapport in classpath folder {@code folder} (ending in {@code /}), as
   * {@code folder + "index.txt"} lists them, one file name a line ({@code #} starts a comment).
   */
  public static CatalogueFiles shipped(String folder, ClassLoader loader) {
    String index = folder + "index.txt";
    List<Source> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      byte[] bytes = resource(loader, index);
      if (bytes == null) {
        problems.add(new Problem(index, WHOLE_FILE, "is not on the classpath"));
        return new CatalogueFiles(sources, problems);
      }
      text = utf8(bytes);
    } catch (IOException e) {
      problems.add(new Problem(index, WHOLE_FILE, unreadable(e)));
      return new CatalogueFiles(sources, problems);
    }
    Map<String, Integer> listedOn = new HashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!FILE_NAME.matcher(line).matches()) {
        problems.add(
            new Problem(
                index, where, "must name a file such as 'teach-back.yaml', not '" + line + "'"));
        continue;
      }
      Integer earlier = listedOn.putIfAbsent(line, i + 1);
      if (earlier != null) {
        problems.add(
            new Problem(
                index,
                where,
                "lists '" + line + "' a second time (first on line " + earlier + ")"));
        continue;
      }
      String name = folder + line;
      try {
        byte[] bytes = resource(loader, name);
        if (bytes == null) {
          problems.add(
              new Problem(
                  index, where, "lists '" + line + "', but " + name + " is not on the classpath"));
        } else {
          sources.add(new Source(name, utf8(bytes)));
        }
      } catch (IOException e) {
        problems.add(new Problem(name, WHOLE_FILE, unreadable(e)));
      }
    }
    return new CatalogueFiles(sources, problems);
  }

  /**
   * An institution's files: every {@code .yaml} and {@code .yml} file directly in {@code dir} (not
   * in its subdirectories; names starting with a dot are left out), by file name. A directory that
   * does not exist, or is a file, is a problem: a mistyped setting must not silently hide content.
   */
  public static CatalogueFiles institution(Path dir) {
    List<Source> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      problems.add(
          new Problem(
              dir.toString(),
              DIRECTORY,
              Files.exists(dir)
                  ? "is not a directory; it must be a directory of .yaml files"
                  : "does not exist; it must be a directory of .yaml files"));
      return new CatalogueFiles(sources, problems);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (isYaml(name) && !name.startsWith(".") && Files.isRegularFile(file)) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(dir.toString(), DIRECTORY, "cannot be listed: " + e.getMessage()));
      return new CatalogueFiles(sources, problems);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path file : files) {
      try {
        sources.add(new Source(file.toString(), utf8(Files.readAllBytes(file))));
      } catch (IOException e) {
        problems.add(new Problem(file.toString(), WHOLE_FILE, unreadable(e)));
      }
    }
    return new CatalogueFiles(sources, problems);
  }

  /** One file's text by the same rules, for a reader given a single path. */
  public static Source read(Path file) throws IOException {
    return new Source(file.toString(), utf8(Files.readAllBytes(file)));
  }

  /** How an unreadable file is described. */
  public static String unreadable(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "is not UTF-8 text";
    }
    return "cannot be read: " + e.getMessage();
  }

  private static byte[] resource(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** Strict UTF-8; a byte-order mark is dropped. */
  private static String utf8(byte[] bytes) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
