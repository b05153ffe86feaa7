/**
 * A learner's answers to an instrument and what is computed from them: keyed item scores, subscale
 * and total scores with the instrument's missing-answer rule, and the internal consistency
 * (Cronbach's alpha) of a set of complete responses.
 */
package org.rapport.curriculum.assessments;
