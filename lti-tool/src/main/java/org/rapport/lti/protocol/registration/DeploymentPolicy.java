package org.rapport.lti.protocol.registration;

/**
 * What a launch with a deployment_id not yet known for its registration does (LTI Core 1.3 §3.1.3:
 * one registration may carry many deployments, e.g. one per Canvas sub-account or course).
 */
public enum DeploymentPolicy {
  /** Refuse launches from deployments an administrator has not entered. */
  REJECT_UNKNOWN,
  /** Accept the launch; the caller records the new deployment after the launch succeeds. */
  ACCEPT_ON_FIRST_SIGHT
}
