package io.natlab.lab;

/**
 * /proc/sys is read-only in (unprivileged) containers, so the lab sets router sysctls at container creation.
 * Rule scripts may still say {@code sysctl -w key=value}: this shell preamble turns such a write into a check
 * that passes when the key already has that value and fails with a clear message otherwise.
 */
public final class SysctlPreamble {
    private SysctlPreamble() {}

    public static final String SCRIPT = """
        sysctl() {
          for arg in "$@"; do
            case "$arg" in
              -*) ;;
              *=*) key=${arg%%=*}; want=${arg#*=}
                   have=$(command sysctl -n "$key" 2>/dev/null || echo '?')
                   if [ "$have" != "$want" ]; then
                     echo "sysctl $key=$want: /proc/sys is read-only in lab containers and $key is $have; set it at container creation (RouterOptions)" >&2
                     return 1
                   fi ;;
              *) command sysctl "$arg" ;;
            esac
          done
        }
        """;

    public static String wrap(String script) { return SCRIPT + script; }
}
