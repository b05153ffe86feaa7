/** Rapport's LTI 1.3 tool: the WAR served by Payara Micro. */
package org.rapport.lti;
