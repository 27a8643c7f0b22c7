/**
 * Reading uploaded CSV files the one way both imports do (the catalog's and the agent directory's):
 * strict UTF-8, RFC 4180 with a header line, through Apache Commons CSV rather than a hand-written
 * parser. Depends on nothing else in core.
 */
package io.statedesk.core.csv;
