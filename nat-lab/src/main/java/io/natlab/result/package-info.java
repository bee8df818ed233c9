/** The results of a run as plain records, the shape of results.json. */
package io.natlab.result;
