package org.rapport.curriculum.modules;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every module a Rapport installation offers: those shipped with Rapport and those an institution
 * adds in a directory of its own. Loaded once at start-up; immutable afterwards.
 *
 * <p>Shipped modules are the files listed in {@value #INDEX_RESOURCE} (one file name per line,
 * blank lines and {@code #} comments ignored), read from the classpath, so that they are found
 * inside a WAR without scanning. An institution's modules are the {@code *.yaml} files directly in
 * its directory. Module ids must be unique across both.
 */
public final class ModuleCatalog {

  /** The classpath folder of the shipped modules. */
  public static final String RESOURCE_FOLDER = "modules/";

  /** The classpath list of shipped module files. */
  public static final String INDEX_RESOURCE = RESOURCE_FOLDER + "index.txt";

  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.yaml");

  private static final Comparator<Module> DISPLAY_ORDER =
      Comparator.comparing(Module::family)
          .thenComparing(Module::title, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(m -> m.id().value());

  private final List<Module> all;
  private final Map<ModuleId, Module> byId;

  private ModuleCatalog(List<Module> modules) {
    List<Module> sorted = new ArrayList<>(modules);
    sorted.sort(DISPLAY_ORDER);
    this.all = List.copyOf(sorted);
    Map<ModuleId, Module> index = new LinkedHashMap<>();
    all.forEach(m -> index.put(m.id(), m));
    this.byId = Map.copyOf(index);
  }

  /**
   * Loads the shipped modules and, when {@code institutionDirOrNull} is given and exists, the
   * institution's.
   *
   * @throws ContentException listing every problem in every file, if there is any
   */
  public static ModuleCatalog load(Path institutionDirOrNull) {
    List<ContentProblem> problems = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    ModuleReader reader = new ModuleReader();
    for (Source source : shippedSources(problems)) {
      read(reader, source, loaded, problems);
    }
    if (institutionDirOrNull != null) {
      for (Source source : institutionSources(institutionDirOrNull, problems)) {
        read(reader, source, loaded, problems);
      }
    }
    Map<ModuleId, String> firstSource = new HashMap<>();
    List<Module> modules = new ArrayList<>();
    for (Loaded entry : loaded) {
      ModuleId id = entry.module().id();
      String earlier = firstSource.putIfAbsent(id, entry.source());
      if (earlier != null) {
        problems.add(
            new ContentProblem(
                entry.source(),
                "id",
                "repeats module id '" + id + "', already used by " + earlier));
      } else {
        modules.add(entry.module());
      }
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new ModuleCatalog(modules);
  }

  /** Every module, ordered by family (in {@link Family} order) and then by title. */
  public List<Module> all() {
    return all;
  }

  public Optional<Module> find(ModuleId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The family's modules, ordered by title. */
  public List<Module> byFamily(Family family) {
    return all.stream().filter(m -> m.family() == family).toList();
  }

  /** The modules that strengthen a subscale, in display order: what to suggest when it falls. */
  public List<Module> addressing(Subscale subscale) {
    return all.stream().filter(m -> m.addresses(subscale)).toList();
  }

  public int size() {
    return all.size();
  }

  private record Source(String name, String text) {}

  private record Loaded(String source, Module module) {}

  private static void read(
      ModuleReader reader, Source source, List<Loaded> loaded, List<ContentProblem> problems) {
    ModuleReader.Outcome outcome = reader.parse(source.name(), source.text());
    problems.addAll(outcome.problems());
    outcome.module().ifPresent(m -> loaded.add(new Loaded(source.name(), m)));
  }

  private static List<Source> shippedSources(List<ContentProblem> problems) {
    ClassLoader loader = ModuleCatalog.class.getClassLoader();
    String index;
    try {
      byte[] bytes = resource(loader, INDEX_RESOURCE);
      if (bytes == null) {
        problems.add(
            new ContentProblem(
                INDEX_RESOURCE, ContentProblem.WHOLE_FILE, "is not on the classpath"));
        return List.of();
      }
      index = utf8(bytes);
    } catch (IOException e) {
      problems.add(new ContentProblem(INDEX_RESOURCE, ContentProblem.WHOLE_FILE, unreadable(e)));
      return List.of();
    }
    List<Source> sources = new ArrayList<>();
    Map<String, Integer> listedOn = new HashMap<>();
    String[] lines = index.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!FILE_NAME.matcher(line).matches()) {
        problems.add(
            new ContentProblem(
                INDEX_RESOURCE,
                where,
                "must name a module file such as 'teach-back.yaml', not '" + line + "'"));
        continue;
      }
      Integer earlier = listedOn.putIfAbsent(line, i + 1);
      if (earlier != null) {
        problems.add(
            new ContentProblem(
                INDEX_RESOURCE,
                where,
                "lists '" + line + "' a second time (first on line " + earlier + ")"));
        continue;
      }
      String name = RESOURCE_FOLDER + line;
      try {
        byte[] bytes = resource(loader, name);
        if (bytes == null) {
          problems.add(
              new ContentProblem(
                  INDEX_RESOURCE,
                  where,
                  "lists '" + line + "', but " + name + " is not on the classpath"));
        } else {
          sources.add(new Source(name, utf8(bytes)));
        }
      } catch (IOException e) {
        problems.add(new ContentProblem(name, ContentProblem.WHOLE_FILE, unreadable(e)));
      }
    }
    return sources;
  }

  private static List<Source> institutionSources(Path dir, List<ContentProblem> problems) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      problems.add(
          new ContentProblem(
              dir.toString(),
              ContentProblem.WHOLE_FILE,
              "is not a directory; institution modules go in a directory of .yaml files"));
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
      for (Path file : stream) {
        if (Files.isRegularFile(file) && !file.getFileName().toString().startsWith(".")) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      problems.add(new ContentProblem(dir.toString(), ContentProblem.WHOLE_FILE, unreadable(e)));
      return List.of();
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    List<Source> sources = new ArrayList<>();
    for (Path file : files) {
      try {
        sources.add(new Source(file.toString(), utf8(Files.readAllBytes(file))));
      } catch (IOException e) {
        problems.add(new ContentProblem(file.toString(), ContentProblem.WHOLE_FILE, unreadable(e)));
      }
    }
    return sources;
  }

  private static byte[] resource(ClassLoader loader, String name) throws IOException {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

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

  private static String unreadable(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "is not UTF-8 text";
    }
    return "cannot be read: " + e;
  }
}
