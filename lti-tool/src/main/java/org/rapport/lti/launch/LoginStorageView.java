package org.rapport.lti.launch;

/**
 * The page that stores the login's state in the platform's frame before going on to the platform's
 * authorization endpoint (LTI platform storage, put).
 */
record LoginStorageView(
    String redirect, String state, String nonce, String target, String origin) {}
