/**
 * Assignment and Grade Services 2.0: line items (§3.2) found by resource link or created, and
 * scores published to a line item (§3.4). Framework-free; calls go through {@link
 * org.rapport.lti.protocol.services.ServiceClient} with only the scopes the platform granted.
 */
package org.rapport.lti.protocol.ags;
