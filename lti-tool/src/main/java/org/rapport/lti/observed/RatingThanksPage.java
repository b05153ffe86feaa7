package org.rapport.lti.observed;

import org.rapport.lti.web.Nav;

/**
 * The page after a rating was received.
 *
 * @param nav the LMS navigation for launched raters; null on a one-time link
 * @param backHref the launched rater's list of ratings to give; null on a one-time link
 */
public record RatingThanksPage(Nav nav, String studentName, String backHref, boolean linkRater) {}
