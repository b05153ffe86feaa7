package org.rapport.lti.protocol.claims;

/** Names of the LTI claims (LTI Core 1.3 §5.3-§5.4; Deep Linking 2.0 §4.4 and §4.5). */
public final class LtiClaims {
  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

  public static final String MESSAGE_TYPE = LTI + "message_type";
  public static final String VERSION = LTI + "version";
  public static final String DEPLOYMENT_ID = LTI + "deployment_id";
  public static final String TARGET_LINK_URI = LTI + "target_link_uri";
  public static final String RESOURCE_LINK = LTI + "resource_link";
  public static final String ROLES = LTI + "roles";
  public static final String CONTEXT = LTI + "context";
  public static final String CUSTOM = LTI + "custom";
  public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
  public static final String DEEP_LINKING_SETTINGS = DL + "deep_linking_settings";
  public static final String CONTENT_ITEMS = DL + "content_items";
  public static final String DEEP_LINKING_DATA = DL + "data";
  public static final String AGS_ENDPOINT =
      "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
  public static final String NRPS =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

  /** The only LTI version Rapport speaks. */
  public static final String SUPPORTED_VERSION = "1.3.0";

  private LtiClaims() {}
}
