/** Test data builders for module content: valid files to break one edit at a time. */
package org.rapport.curriculum.modules.testdata;
