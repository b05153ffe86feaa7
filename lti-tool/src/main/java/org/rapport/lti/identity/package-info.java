/**
 * Who a launched person is allowed to be: each registration's identity policy (may a launch link
 * its user to imported history by itself, is a TeachingAssistant a student or faculty — the launch
 * asks it through {@link org.rapport.lti.launch.TeachingAssistantPolicy}), the custom launch
 * parameters that link a student or place them in a cohort, and the queue of student links an
 * administrator approves or rejects.
 */
package org.rapport.lti.identity;
