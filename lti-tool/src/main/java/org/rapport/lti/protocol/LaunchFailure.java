package org.rapport.lti.protocol;

/**
 * Why a login initiation or a launch was refused, with a sentence an LMS administrator can act on.
 * The same sentence is shown on the error page and written to the log, followed by the technical
 * detail of the {@link LaunchRejected}. Each constant corresponds to one check of LTI Core 1.3 §5.1
 * (login), §5.3/§5.4 (message claims) or 1EdTech Security Framework 1.0 §5.1.3 (id_token
 * validation).
 */
public enum LaunchFailure {
  // --- OIDC login initiation (LTI Core 1.3 §5.1.1, Security Framework §5.1.1) ---
  LOGIN_ISSUER_MISSING(
      "The login request from the LMS has no 'iss' parameter. Check that the LMS calls Rapport's"
          + " login URL as the OIDC login initiation URL, not as the launch URL."),
  LOGIN_HINT_MISSING(
      "The login request from the LMS has no 'login_hint' parameter, which every LTI 1.3 login"
          + " needs. Check the LTI 1.3 settings of this tool in the LMS."),
  ISSUER_AMBIGUOUS(
      "Several Rapport registrations use this LMS issuer and the LMS did not send a client_id, so"
          + " Rapport cannot tell which one is meant. Configure the LMS to send client_id at login,"
          + " or remove the duplicate registration in Rapport's admin page."),

  // --- Token shape (Security Framework §5.1.3) ---
  TOKEN_MISSING(
      "The LMS posted no id_token to Rapport's launch URL. Check that the tool's redirect URL in"
          + " the LMS is Rapport's launch URL and start the launch again from the LMS."),
  TOKEN_TOO_LARGE(
      "The id_token is larger than 64 KiB, more than Rapport accepts. Remove unneeded custom"
          + " parameters from the tool's configuration in the LMS."),
  TOKEN_MALFORMED(
      "The id_token is not a well-formed signed JWT. Check that nothing between the LMS and"
          + " Rapport (a proxy or firewall) alters the launch form."),
  ALGORITHM_NOT_ALLOWED(
      "The id_token is not signed with RS256, the algorithm LTI 1.3 requires. Configure the LMS to"
          + " sign LTI launches with its RSA key (RS256)."),

  // --- Issuer and registration ---
  ISSUER_MISSING(
      "The id_token has no 'iss' (issuer) claim. The LMS must send one; contact the LMS vendor."),
  ISSUER_UNKNOWN(
      "No Rapport registration exists for this LMS issuer. Register the LMS in Rapport's admin page"
          + " (or by Dynamic Registration) with exactly the issuer the LMS uses."),
  ISSUER_MISMATCH(
      "The issuer sent by the LMS is not exactly the issuer stored for its registration (check case,"
          + " http or https, and a trailing slash). Correct the issuer in Rapport's admin page."),
  AUDIENCE_MISSING(
      "The id_token has no 'aud' (audience) claim, so Rapport cannot tell which registration it is"
          + " for. The LMS must send the tool's client_id as audience; contact the LMS vendor."),
  CLIENT_ID_UNKNOWN(
      "This LMS issuer is registered in Rapport, but not with the client_id the LMS sent. Check that"
          + " the client ID (developer key) in Rapport's admin page is the one the LMS shows for"
          + " this tool."),
  REGISTRATION_DISABLED(
      "This LMS registration is disabled in Rapport. A Rapport administrator can enable it again in"
          + " the admin page."),

  // --- Signature (Security Framework §5.1.3 steps 1 and 6, §6.3 key sets) ---
  KEY_ID_MISSING(
      "The id_token header has no 'kid', so Rapport cannot choose the LMS's signing key. The LMS"
          + " must name its key; contact the LMS vendor."),
  KEYS_UNAVAILABLE(
      "Rapport could not download the LMS's public keys (JWKS). Check the JWKS URL in Rapport's"
          + " admin page and that the LMS can be reached from Rapport's server."),
  KEY_UNKNOWN(
      "The id_token is signed with a key ('kid') that the LMS's public key set does not contain,"
          + " even after reading it again. Check that the JWKS URL in Rapport's admin page belongs"
          + " to this LMS."),
  SIGNATURE_INVALID(
      "The id_token's signature does not verify with the LMS's public key. Check that the JWKS URL"
          + " in Rapport's admin page belongs to this LMS; otherwise the launch was altered on the"
          + " way."),

  // --- Standard claims (Security Framework §5.1.3 steps 2-9) ---
  AZP_MISSING(
      "The id_token names several audiences but no 'azp' (authorized party). The LMS must send azp"
          + " equal to Rapport's client_id; contact the LMS vendor."),
  AZP_MISMATCH(
      "The id_token's 'azp' (authorized party) is not Rapport's client_id for this registration."
          + " Check the client ID in Rapport's admin page."),
  EXPIRATION_MISSING(
      "The id_token has no expiry time ('exp'). The LMS must send one; contact the LMS vendor."),
  TOKEN_EXPIRED(
      "The id_token has expired. Start the launch again from the LMS; if this repeats, check that"
          + " the clocks of the LMS and of Rapport's server are synchronised (NTP)."),
  ISSUED_AT_MISSING(
      "The id_token has no issue time ('iat'). The LMS must send one; contact the LMS vendor."),
  ISSUED_IN_FUTURE(
      "The id_token says it was issued in the future. Check that the clocks of the LMS and of"
          + " Rapport's server are synchronised (NTP)."),
  NOT_YET_VALID(
      "The id_token is not valid yet ('nbf' lies in the future). Check that the clocks of the LMS"
          + " and of Rapport's server are synchronised (NTP)."),

  // --- State (browser binding) and nonce (Security Framework §5.1.1.5, §5.1.3 step 9) ---
  STATE_MISSING(
      "The launch did not return the 'state' Rapport issued at login. Start the launch again from"
          + " the LMS; if this repeats, contact the LMS vendor."),
  STATE_NOT_IN_BROWSER(
      "This browser no longer holds the login state Rapport gave it, usually because it blocks"
          + " cookies inside the LMS frame. Open Rapport in a new window from the LMS, or allow"
          + " cookies for Rapport."),
  STATE_MISMATCH(
      "The 'state' of this launch does not match the one this browser received at login: the"
          + " launch was started in another tab or window, or forged. Start the launch again from"
          + " the LMS."),
  STORED_STATE_NOT_REQUESTED(
      "The launch brought its state from LTI platform storage, but this login did not ask the LMS"
          + " to store it there. Start the launch again from the LMS."),
  STORED_STATE_FOREIGN_ORIGIN(
      "A launch with state from LTI platform storage was posted from a page that is neither the"
          + " LMS nor Rapport (its Origin header is foreign or missing), as a forged sign-in would"
          + " be. Start the launch again from the LMS."),
  NONCE_MISSING(
      "The id_token has no 'nonce'. The LMS must echo the nonce Rapport sent at login; contact the"
          + " LMS vendor."),
  NONCE_REPLAYED(
      "The launch reused a nonce that is already used, expired or was never issued by Rapport: the"
          + " id_token was replayed, the browser resubmitted it, or the login took too long. Start"
          + " the launch again from the LMS."),

  // --- LTI message claims (LTI Core 1.3 §5.3, §5.4; Deep Linking 2.0 §4.4) ---
  VERSION_MISSING(
      "The launch does not state its LTI version. Configure this tool in the LMS as an LTI 1.3"
          + " tool."),
  VERSION_UNSUPPORTED(
      "The launch uses an LTI version other than 1.3.0. Configure this tool in the LMS as an LTI"
          + " 1.3 tool."),
  MESSAGE_TYPE_MISSING(
      "The launch does not state its LTI message type. The LMS must send one; contact the LMS"
          + " vendor."),
  MESSAGE_TYPE_UNSUPPORTED(
      "The LMS sent a kind of LTI message Rapport does not handle; Rapport accepts resource-link"
          + " launches and deep-linking requests. Check where Rapport is placed in the LMS."),
  DEPLOYMENT_ID_MISSING(
      "The launch has no deployment_id. The LMS must send one; check the tool's deployment in the"
          + " LMS."),
  DEPLOYMENT_UNKNOWN(
      "This deployment of Rapport (deployment_id) is not known for the LMS registration, which"
          + " accepts known deployments only. Add the deployment id in Rapport's admin page, or let"
          + " the registration accept new deployments."),
  SUBJECT_MISSING(
      "The launch does not identify the user ('sub' is missing) and Rapport does not accept"
          + " anonymous launches. Configure the LMS to share the user's identity with Rapport."),
  ROLES_MISSING(
      "The launch has no roles claim. Configure the LMS to send the user's roles to Rapport."),
  RESOURCE_LINK_ID_MISSING(
      "The resource-link launch has no resource_link id. The LMS must send one; contact the LMS"
          + " vendor."),
  DEEP_LINKING_SETTINGS_MISSING(
      "The deep-linking request lacks its deep_linking_settings (or their return URL or accepted"
          + " types). The LMS must send them; contact the LMS vendor."),
  TARGET_LINK_URI_MISSING(
      "The LMS did not say which Rapport page to open (target_link_uri is missing). Set the tool's"
          + " target link URI in the LMS's configuration of this tool."),
  TARGET_LINK_URI_INVALID(
      "The target_link_uri sent by the LMS is not a valid absolute http(s) URL. Correct the tool's"
          + " target link URI in the LMS's configuration of this tool."),
  TARGET_LINK_URI_FOREIGN(
      "The LMS asked Rapport to open a page that is not part of Rapport (target_link_uri points"
          + " elsewhere). Set the tool's target link URI in the LMS to a Rapport URL."),
  SERVICE_URL_FOREIGN(
      "The launch names a grade or roster service (AGS or NRPS) on a host that is not the LMS's"
          + " own (see the detail), and Rapport calls only its platform's hosts. Check the LMS's"
          + " service URLs, or register the LMS with the host it really uses."),
  CLAIM_INVALID(
      "A claim in the launch has the wrong type or format (see the detail). Correct the tool's"
          + " custom parameters in the LMS, or contact the LMS vendor.");

  private final String sentence;

  LaunchFailure(String sentence) {
    this.sentence = sentence;
  }

  /** What failed and what the LMS administrator can do about it, in one or two sentences. */
  public String sentence() {
    return sentence;
  }
}
