package org.rapport.lti.limits;

/**
 * Which body-size limit applies to a path: the LTI endpoints take small forms (an id_token is
 * refused above 64 KiB anyway), imports take files, everything else JSON or page forms.
 */
public record BodyLimits(long lti, long imports, long other) {
  public static BodyLimits of(long lti, long imports, long other) {
    return new BodyLimits(lti, imports, other);
  }

  public long forPath(String path) {
    String p = path == null ? "" : path;
    if (p.startsWith("/lti/")) {
      return lti;
    }
    if (streamed(p)) {
      return imports;
    }
    return other;
  }

  /** Whether the path takes import files, whose bodies are streamed rather than buffered. */
  public static boolean streamed(String path) {
    return path != null
        && (path.startsWith("/api/admin/imports") || path.startsWith("/admin/imports"));
  }
}
