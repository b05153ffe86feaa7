/**
 * Deep Linking 2.0 responses (§4.5): the content items Rapport returns to the platform, in a JWT
 * signed with Rapport's key and posted back as the form field {@code JWT}.
 */
package org.rapport.lti.protocol.deeplinking;
