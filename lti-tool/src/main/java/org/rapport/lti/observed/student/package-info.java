/**
 * What a student sees of their own observed practice: the released ratings of their encounters
 * (rater type only, never who), their observed ratings over time beside their self-assessment, the
 * gap between the two per layer of empathy, and modules for the weakest layer; and the peer rating
 * a student asks a classmate for after a module's practice step.
 */
package org.rapport.lti.observed.student;
