/**
 * Course rosters from the LMS (NRPS 2.0): a launch that carries the memberships URL makes a stale
 * roster (older than a day) due for refresh; a scheduled worker fetches every page and stores the
 * members and their roles, marking those who left inactive. Never inside a launch.
 */
package org.rapport.lti.roster;
