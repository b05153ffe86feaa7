package org.rapport.lti.protocol.services;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Function;
import org.rapport.lti.protocol.outbound.OutboundResponse;

/**
 * Authorised calls to a platform service: the request is built with a token for the given scopes;
 * when the platform answers 401 (the token was revoked or expired early) the token is dropped and
 * the call is made once more with a fresh one.
 */
public final class ServiceClient {
  private final ServiceTokens tokens;
  private final ServiceHttp http;

  public ServiceClient(ServiceTokens tokens, ServiceHttp http) {
    this.tokens = tokens;
    this.http = http;
  }

  /**
   * @param request builds the HTTP request carrying the given token's {@code Authorization}
   * @param what names the service in failure reasons
   * @throws ServiceCallFailed when the token or the call fails
   */
  public ServiceHttp.Answer call(
      TokenRequest scopes, Function<AccessToken, HttpRequest> request, String what) {
    AccessToken token = tokens.token(scopes);
    OutboundResponse response = http.send(request.apply(token), what);
    if (response.statusCode() == 401) {
      tokens.invalidate(scopes, token);
      token = tokens.token(scopes);
      response = http.send(request.apply(token), what);
    }
    return http.accept(response, what);
  }

  /** A GET of {@code url} accepting {@code mediaType}, with the token in {@code Authorization}. */
  public ServiceHttp.Answer get(TokenRequest scopes, URI url, String mediaType, String what) {
    return call(
        scopes,
        token ->
            ServiceHttp.request(url)
                .header("Authorization", token.authorization())
                .header("Accept", mediaType)
                .GET()
                .build(),
        what);
  }
}
