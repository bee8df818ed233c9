/** Splitting a suite of scenarios into N balanced, stable shards for several machines or Docker engines. */
package io.natlab.shard;
