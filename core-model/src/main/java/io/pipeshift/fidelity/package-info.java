/** Fidelity notes: the record of what each translation approximated or dropped, and the translation result type. */
package io.pipeshift.fidelity;
