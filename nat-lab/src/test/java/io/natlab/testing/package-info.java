/** Set-up shared by the integration-test JVM (failsafe): the report folder and the log file, before any test runs. */
package io.natlab.testing;
