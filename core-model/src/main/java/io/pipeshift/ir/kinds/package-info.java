/**
 * The typed fields of each step kind, one record per kind. Records only: no behaviour beyond declaring
 * output names, no knowledge of any target format.
 */
package io.pipeshift.ir.kinds;
