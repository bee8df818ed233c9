/** The topology model: sites, NAT behaviours as orthogonal axes (mapping, port assignment, filtering), router options and subnets. */
package io.natlab.topology;
