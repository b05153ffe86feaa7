package org.rapport.lti.protocol.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.protocol.LaunchFailure;
import org.rapport.lti.protocol.LaunchRejected;

/**
 * Typed, strict access to claims of a verified id_token: a claim of the wrong JSON type is a {@link
 * LaunchFailure#CLAIM_INVALID}, a blank string counts as absent.
 */
public final class ClaimReader {

  private ClaimReader() {}

  public static Optional<String> string(JWTClaimsSet claims, String name) {
    return asString(name, claims.getClaim(name));
  }

  public static Optional<List<String>> stringList(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value == null ? Optional.empty() : Optional.of(asStringList(name, value));
  }

  public static Optional<URI> uri(JWTClaimsSet claims, String name) {
    return string(claims, name).map(text -> asUri(name, text));
  }

  public static Optional<ClaimObject> object(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid(name, "is not a JSON object");
    }
    return Optional.of(new ClaimObject(name, map));
  }

  static Optional<String> asString(String name, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw invalid(name, "is not a string");
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  static List<String> asStringList(String name, Object value) {
    if (!(value instanceof List<?> list)) {
      throw invalid(name, "is not a JSON array");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String text)) {
        throw invalid(name, "contains an element that is not a string");
      }
      strings.add(text);
    }
    return List.copyOf(strings);
  }

  static URI asUri(String name, String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("https") || scheme.equals("http");
      if (!uri.isAbsolute() || !http || uri.getHost() == null) {
        throw invalid(name, "is not an absolute http(s) URL: " + LaunchRejected.quote(text));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(name, "is not a URL: " + LaunchRejected.quote(text));
    }
  }

  static LaunchRejected invalid(String name, String problem) {
    return new LaunchRejected(LaunchFailure.CLAIM_INVALID, "Claim " + name + " " + problem);
  }
}
