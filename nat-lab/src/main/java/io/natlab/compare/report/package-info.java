/**
 * The files {@code nat-lab compare} writes (compare.md, compare.html, compare.json; docs/compare-json.md) and its
 * console table, all rendered from one {@link io.natlab.compare.Comparison}.
 */
package io.natlab.compare.report;
