/**
 * Content selection for Deep Linking 2.0: the page an instructor reaches from the LMS's "add
 * content" tool, listing Rapport's modules by family and the self-assessment, and the signed
 * response that places the chosen ones in the course, with gradebook columns where the LMS accepts
 * them.
 */
package org.rapport.lti.deeplinking;
