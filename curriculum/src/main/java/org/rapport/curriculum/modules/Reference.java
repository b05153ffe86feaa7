package org.rapport.curriculum.modules;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A source a module relies on, cited in its text as {@code [@id]}.
 *
 * @param id lowercase words joined by hyphens, unique in the module, e.g. {@code baile-2000}
 * @param text the full citation as it is shown: authors, year, title, journal or publisher
 * @param url a DOI or web address, when one is known
 */
public record Reference(String id, String text, Optional<String> url) {

  public Reference {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    requireNonNull(url, "url");
  }
}
