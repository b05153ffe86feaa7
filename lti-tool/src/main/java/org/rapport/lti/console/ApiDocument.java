package org.rapport.lti.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API document Payara produces at {@code /openapi}, read as JSON from the running server itself
 * and turned into what the API page lists: per tag, each operation with its parameters, request
 * body and answers. Nothing is written by hand, so the page says what the document says.
 */
@ApplicationScoped
public class ApiDocument {
  /** Payara builds the document on its first request, which takes a while on a busy node. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The document does not change while the server runs: read once, then kept. */
  private volatile ApiDocsPage read;

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** Why the document could not be read. */
  public static class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Reads the document from this server at {@code documentUrl} (its own {@code /openapi}).
   *
   * @throws Unavailable when it does not answer with a JSON document
   */
  public ApiDocsPage read(URI documentUrl) {
    ApiDocsPage known = read;
    if (known == null) {
      known = fetch(documentUrl);
      read = known;
    }
    return known;
  }

  private ApiDocsPage fetch(URI documentUrl) {
    String body;
    try {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(documentUrl)
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new Unavailable(
            "The API document at /openapi answered HTTP " + answer.statusCode() + ".");
      }
      body = answer.body();
    } catch (IOException e) {
      throw new Unavailable("The API document at /openapi could not be read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("Reading the API document was interrupted.");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return page(reader.readObject());
    } catch (JsonParsingException | ClassCastException e) {
      throw new Unavailable("The API document at /openapi is not the JSON expected.");
    }
  }

  static ApiDocsPage page(JsonObject document) {
    JsonObject info = document.getJsonObject("info");
    String title = info == null ? "Rapport API" : info.getString("title", "Rapport API");
    String version = info == null ? "" : info.getString("version", "");
    Map<String, String> tagDescriptions = new LinkedHashMap<>();
    JsonArray tags = document.getJsonArray("tags");
    if (tags != null) {
      for (JsonValue t : tags) {
        JsonObject tag = t.asJsonObject();
        tagDescriptions.put(tag.getString("name", ""), tag.getString("description", ""));
      }
    }
    Map<String, List<ApiDocsPage.Operation>> byTag = new LinkedHashMap<>();
    tagDescriptions.keySet().forEach(name -> byTag.put(name, new ArrayList<>()));
    JsonObject paths = document.getJsonObject("paths");
    if (paths != null) {
      for (String path : paths.keySet().stream().sorted().toList()) {
        JsonObject item = paths.getJsonObject(path);
        String shown = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        for (String method : item.keySet()) {
          if (!METHODS.contains(method)) {
            continue;
          }
          JsonObject op = item.getJsonObject(method);
          String tag = "Other";
          JsonArray opTags = op.getJsonArray("tags");
          if (opTags != null && !opTags.isEmpty() && opTags.get(0) instanceof JsonString s) {
            tag = s.getString();
          }
          byTag
              .computeIfAbsent(tag, k -> new ArrayList<>())
              .add(operation(shown, method, op, item));
        }
      }
    }
    List<ApiDocsPage.Tag> groups = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<ApiDocsPage.Operation>> e : byTag.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      groups.add(
          new ApiDocsPage.Tag(
              "tag-" + (++n),
              e.getKey(),
              tagDescriptions.getOrDefault(e.getKey(), ""),
              e.getValue()));
    }
    return new ApiDocsPage(title, version, groups, null);
  }

  private static ApiDocsPage.Operation operation(
      String path, String method, JsonObject op, JsonObject item) {
    List<ApiDocsPage.Parameter> parameters = new ArrayList<>();
    for (JsonObject source : new JsonObject[] {item, op}) {
      JsonArray list = source.getJsonArray("parameters");
      if (list == null) {
        continue;
      }
      for (JsonValue p : list) {
        JsonObject parameter = p.asJsonObject();
        parameters.add(
            new ApiDocsPage.Parameter(
                parameter.getString("name", ""),
                parameter.getString("in", ""),
                parameter.getBoolean("required", false),
                schemaName(parameter.getJsonObject("schema"))));
      }
    }
    String body = null;
    JsonObject requestBody = op.getJsonObject("requestBody");
    if (requestBody != null && requestBody.getJsonObject("content") != null) {
      JsonObject content = requestBody.getJsonObject("content");
      List<String> kinds = new ArrayList<>();
      for (String type : content.keySet()) {
        JsonObject media = content.getJsonObject(type);
        String schema = schemaName(media == null ? null : media.getJsonObject("schema"));
        kinds.add(schema.isEmpty() ? type : type + " (" + schema + ")");
      }
      body = String.join(", ", kinds);
    }
    List<String> answers = new ArrayList<>();
    JsonObject responses = op.getJsonObject("responses");
    if (responses != null) {
      for (String code : responses.keySet()) {
        JsonObject r = responses.getJsonObject(code);
        String description = r == null ? "" : r.getString("description", "");
        answers.add(description.isBlank() ? code : code + " " + description);
      }
    }
    return new ApiDocsPage.Operation(
        method.toUpperCase(java.util.Locale.ROOT),
        path,
        op.getString("summary", op.getString("description", "")),
        parameters,
        body,
        String.join("; ", answers));
  }

  private static String schemaName(JsonObject schema) {
    if (schema == null) {
      return "";
    }
    String ref = schema.getString("$ref", null);
    if (ref != null) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    String type = schema.getString("type", "");
    if ("array".equals(type) && schema.getJsonObject("items") != null) {
      return "array of " + schemaName(schema.getJsonObject("items"));
    }
    String format = schema.getString("format", "");
    return format.isEmpty() ? type : type + " (" + format + ")";
  }
}
