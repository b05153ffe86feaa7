package org.rapport.lti.dev;

import java.util.List;

/** The test platform's page after Rapport answered a content selection: what it would add. */
record DevDeepLinkReturnView(List<DevDeepLinkReturn.Item> items, boolean none) {}
