package org.rapport.lti.launch;

/**
 * How a registration counts a course's TeachingAssistants, which a launch needs to map roles. The
 * registration's identity policy answers it; the launch only asks.
 */
public interface TeachingAssistantPolicy {
  TeachingAssistantRole teachingAssistants(long registrationId);
}
