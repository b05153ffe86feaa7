package org.rapport.lti.cohorts;

/** What an administrator sends to create or change a wave (dates as YYYY-MM-DD, both included). */
public record WaveRequestView(
    String stage, String opens, String closes, String instrument, Integer version) {}
