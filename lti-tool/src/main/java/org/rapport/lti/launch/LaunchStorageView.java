package org.rapport.lti.launch;

/**
 * The page that reads the login's state back from the platform's frame and posts the launch again
 * with it (LTI platform storage, get).
 */
record LaunchStorageView(String idToken, String state, String target, String origin) {}
