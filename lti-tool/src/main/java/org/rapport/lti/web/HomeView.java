package org.rapport.lti.web;

/** What the landing page shows: whether the development-mode launcher is offered. */
record HomeView(boolean devMode) {}
