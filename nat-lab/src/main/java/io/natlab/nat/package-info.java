/** The rule compiler, the only author of lab netfilter rules: router NAT, filtering, port forwards, sysctls and the containment guard, as shell scripts built with ShellScript. */
package io.natlab.nat;
