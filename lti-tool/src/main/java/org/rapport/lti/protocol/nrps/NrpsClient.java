package org.rapport.lti.protocol.nrps;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.protocol.services.LinkHeader;
import org.rapport.lti.protocol.services.ServiceCallFailed;
import org.rapport.lti.protocol.services.ServiceClient;
import org.rapport.lti.protocol.services.ServiceHttp;
import org.rapport.lti.protocol.services.TokenRequest;

/**
 * Reads the membership of a context (NRPS 2.0 §2.4) from its {@code context_memberships_url} with
 * {@code Accept: application/vnd.ims.lti-nrps.v2.membershipcontainer+json}, following {@code Link:
 * rel="next"} to the last page (§2.4.2). A next link to another origin, a loop or more than {@link
 * #MAX_PAGES} pages is a failure: a partial roster must never be taken for the whole one.
 */
public final class NrpsClient {
  public static final String MEMBERSHIP_CONTAINER =
      "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  public static final int MAX_PAGES = 1000;

  private final ServiceClient client;

  public NrpsClient(ServiceClient client) {
    this.client = client;
  }

  /** Every member on every page, one entry per user id (the last page's wins), and page count. */
  public record Roster(List<Member> members, int pages) {
    public Roster {
      members = List.copyOf(members);
    }
  }

  public Roster fetch(TokenRequest scopes, URI membershipsUrl) {
    Map<String, Member> members = new LinkedHashMap<>();
    Set<URI> seen = new HashSet<>();
    URI page = membershipsUrl;
    int pages = 0;
    while (page != null) {
      if (!seen.add(page)) {
        throw ServiceCallFailed.permanent(
            "The LMS membership service's next link points back to a page already read");
      }
      if (++pages > MAX_PAGES) {
        throw ServiceCallFailed.permanent(
            "The LMS membership service has more than " + MAX_PAGES + " pages");
      }
      URI url = page;
      ServiceHttp.Answer answer =
          client.get(scopes, url, MEMBERSHIP_CONTAINER, "The LMS membership service");
      for (Member member : members(answer.body())) {
        members.put(member.userId(), member);
      }
      Optional<URI> next = LinkHeader.next(answer.header("Link"), url);
      if (next.isPresent() && !LinkHeader.sameOrigin(membershipsUrl, next.get())) {
        throw ServiceCallFailed.permanent(
            "The LMS membership service's next link leads to another site; Rapport does not send"
                + " its token there");
      }
      page = next.orElse(null);
    }
    return new Roster(new ArrayList<>(members.values()), pages);
  }

  private static List<Member> members(String body) {
    Map<String, Object> container;
    try {
      container = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw ServiceCallFailed.permanent(
          "The LMS membership service answered something that is not a JSON object");
    }
    if (!(container.get("members") instanceof List<?> list)) {
      throw ServiceCallFailed.permanent("The LMS membership service's answer has no members list");
    }
    List<Member> members = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> json) {
        Member.fromJson(json).ifPresent(members::add);
      }
    }
    return members;
  }
}
