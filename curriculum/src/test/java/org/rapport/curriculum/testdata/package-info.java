/** Builders and fixtures for tests: definitions, answer sheets, licensed-texts files. */
package org.rapport.curriculum.testdata;
