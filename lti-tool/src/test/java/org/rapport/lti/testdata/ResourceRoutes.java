package org.rapport.lti.testdata;

import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every route Rapport's JAX-RS resources declare, found by reflection over the compiled main
 * classes, so that a test covering "every route of X" also covers the routes added after it.
 */
public final class ResourceRoutes {
  private ResourceRoutes() {}

  /** One resource method: its HTTP method, its path with templates filled, what it consumes. */
  public record Route(String method, String path, String contentType, String resource) {
    @Override
    public String toString() {
      return method + " " + path + " (" + resource + ")";
    }

    public boolean changesState() {
      return !method.equals("GET");
    }
  }

  /** All routes of all resource classes, in no particular order. */
  public static List<Route> all() {
    List<Route> routes = new ArrayList<>();
    for (Class<?> type : resourceClasses()) {
      String base = type.getAnnotation(Path.class).value();
      for (Method method : type.getMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
        routes.add(new Route(verb, path, contentType(type, method), type.getSimpleName()));
      }
    }
    return routes;
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      return "DELETE";
    }
    if (method.isAnnotationPresent(PATCH.class)) {
      return "PATCH";
    }
    return null;
  }

  private static String contentType(Class<?> type, Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = type.getAnnotation(Consumes.class);
    }
    if (consumes == null || consumes.value().length == 0) {
      return MediaType.APPLICATION_FORM_URLENCODED;
    }
    List<String> types = Arrays.asList(consumes.value());
    for (String preferred :
        List.of(
            MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA,
            MediaType.APPLICATION_JSON)) {
      if (types.stream().anyMatch(t -> t.startsWith(preferred))) {
        return preferred;
      }
    }
    return types.get(0).split(",")[0].strip();
  }

  /** Joins path segments and fills every template ({@code {id}}, {@code {id: [0-9]+}}) with 1. */
  private static String normalize(String path) {
    String filled = path.replaceAll("\\{[^}]*}", "1");
    return ("/" + filled).replaceAll("/+", "/").replaceAll("/$", "");
  }

  private static List<Class<?>> resourceClasses() {
    List<Class<?>> classes = new ArrayList<>();
    ClassLoader loader = ResourceRoutes.class.getClassLoader();
    try {
      Enumeration<URL> roots = loader.getResources("org/rapport/lti");
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if (!root.getProtocol().equals("file") || root.getPath().contains("test-classes")) {
          continue;
        }
        java.nio.file.Path dir = Paths.get(root.toURI());
        java.nio.file.Path classesDir = dir.getParent().getParent().getParent();
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
          for (java.nio.file.Path file :
              files.filter(f -> f.toString().endsWith(".class")).toList()) {
            String name =
                classesDir
                    .relativize(file)
                    .toString()
                    .replace('/', '.')
                    .replaceAll("\\.class$", "");
            try {
              Class<?> type = Class.forName(name, false, loader);
              if (type.isAnnotationPresent(Path.class)) {
                classes.add(type);
              }
            } catch (ClassNotFoundException
                | NoClassDefFoundError
                | ExceptionInInitializerError e) {
              // Not a loadable top-level type (e.g. needs the container); not a resource.
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    assertFalse(classes.isEmpty(), "no resource classes found on the class path");
    return classes;
  }
}
