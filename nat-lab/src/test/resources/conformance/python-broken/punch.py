#!/usr/bin/env python3
"""A DELIBERATELY BROKEN copy of examples/python-punch/punch.py, for ConformanceIT: it breaks the peer contract twice.

BROKEN 1: it waits for START past its deadline (a peer that never shows up hangs it until the runner kills it).
BROKEN 2: it exits 0 on every outcome (a wrong token is then "success" to a script).

The original: a second, independent TCP hole puncher implementing docs/peer-contract.md (Python 3 standard library only).

Inputs come from NATLAB_* environment variables; the result is one JSON line on stdout; exit 0 = direct stream,
1 = failed, 2 = bad input. Events go to stderr. Copy this file as the template for your own implementation.
"""
import hashlib, json, os, random, socket, struct, sys, threading, time

PINGS, CHUNK, MAX_FRAME = 5, 8192, 4096
MASK = (1 << 64) - 1


def log(name, **kv):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()) + "Z"
    print(stamp, name, *[f"{k}={v}" for k, v in kv.items()], file=sys.stderr, flush=True)


class Failure(Exception):
    pass


def env(name, default=None, parse=str):
    raw = os.environ.get(name, default)
    if raw is None:
        raise ValueError(f"{name}: required environment variable is missing")
    try:
        return parse(raw)
    except ValueError:
        raise ValueError(f"{name}: '{raw}' is not valid")


def endpoint(text):  # "ip:port" or "[v6]:port"
    host, _, port = text.rpartition(":")
    return host.strip("[]"), int(port)


def fmt(addr):
    return f"[{addr[0]}]:{addr[1]}" if ":" in addr[0] else f"{addr[0]}:{addr[1]}"


def echo_pattern(session, sender, total):
    """SplitMix64 seeded with the first 8 bytes (big-endian) of SHA-256("session/sender"); each 64-bit output
    contributes its 8 bytes little-endian; the stream is cut into 8192-byte chunks (the last may be shorter)."""
    state = int.from_bytes(hashlib.sha256(f"{session}/{sender}".encode()).digest()[:8], "big")
    while total > 0:
        n = min(CHUNK, total)
        out = bytearray()
        for _ in range((n + 7) // 8):
            state = (state + 0x9E3779B97F4A7C15) & MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            out += (z ^ (z >> 31)).to_bytes(8, "little")
        total -= n
        yield bytes(out[:n])


class Conn:
    """A socket with a line reader that can switch to raw bytes (the echo follows the frames)."""

    def __init__(self, sock, method):
        self.sock, self.method, self.buf = sock, method, b""

    def send(self, **frame):
        self.sock.sendall(json.dumps({"v": 1, **frame}, separators=(",", ":")).encode() + b"\n")

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise Failure("deadline passed")
        self.sock.settimeout(left)
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            raise Failure("deadline passed")
        if not data:
            raise Failure("stream closed by the peer")
        self.buf += data

    def frame(self, deadline):
        while b"\n" not in self.buf:
            if len(self.buf) > MAX_FRAME:
                raise Failure("frame too large")
            self._fill(deadline)
        line, self.buf = self.buf.split(b"\n", 1)
        msg = json.loads(line.rstrip(b"\r"))
        if msg.get("v") != 1 or "type" not in msg:
            raise Failure(f"bad frame {line[:80]!r}")
        return msg

    def exact(self, n, deadline):
        while len(self.buf) < n:
            self._fill(deadline)
        data, self.buf = self.buf[:n], self.buf[n:]
        return data


def shared_socket(port, bind_ip="0.0.0.0"):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    s.bind((bind_ip, port))
    return s


def abort(sock):  # abortive close: the next run may reuse the same 4-tuple at once (no TIME_WAIT)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass


class Puncher:
    def __init__(self, cfg, start, port, deadline):
        self.cfg, self.port, self.deadline = cfg, port, deadline
        self.session, self.peer = start["session"], start["peer"]
        self.chooser = cfg["id"] < cfg["peer"]
        self.kept, self.lock, self.done = None, threading.Lock(), threading.Event()
        self.attempts, self.sockets, self.agreed_at = 0, [], None

    def run(self):
        threads = []
        if self.cfg["strategy"] != "connect-only":
            threads.append(threading.Thread(target=self.listen, daemon=True))
        targets = [("connect", endpoint(self.peer["public"]))]
        if self.peer["public"].rpartition(":")[0] == self.cfg["self_public"].rpartition(":")[0]:
            targets.append(("private", endpoint(self.peer["private"])))
        threads += [threading.Thread(target=self.connect_loop, args=t, daemon=True) for t in targets]
        for t in threads:
            t.start()
        self.done.wait(max(0.0, self.deadline - time.monotonic()))
        with self.lock:
            for s in self.sockets:
                if self.kept is None or s is not self.kept.sock:
                    abort(s)
        return self.kept

    def track(self, sock):
        with self.lock:
            self.sockets.append(sock)
            return not self.done.is_set()

    def listen(self):
        server = shared_socket(self.port, self.cfg["bind"])
        if not self.track(server):
            return abort(server)
        server.listen(16)
        while not self.done.is_set() and time.monotonic() < self.deadline:
            server.settimeout(0.05)
            try:
                sock, _ = server.accept()
            except (socket.timeout, OSError):
                continue
            log("accepted", remote=fmt(sock.getpeername()))
            if self.track(sock):
                threading.Thread(target=self.handshake, args=(Conn(sock, "accept"),), daemon=True).start()

    def connect_loop(self, method, target):
        while not self.done.is_set() and time.monotonic() < self.deadline:
            sock = shared_socket(self.port, self.cfg["bind"])
            if not self.track(sock):
                return abort(sock)
            self.attempts += 1
            sock.settimeout(max(0.01, min(3.0, self.deadline - time.monotonic())))
            try:
                sock.connect(target)
            except OSError as e:
                abort(sock)
                busy = getattr(e, "errno", None) in (98, 99)  # EADDRINUSE/EADDRNOTAVAIL: our listener has it
                log("attempt", target=fmt(target), result="busy" if busy else "refused")
                time.sleep(0.025 if busy else random.uniform(0.001, 0.005))
                continue
            log("attempt", target=fmt(target), result="connected")
            self.handshake(Conn(sock, method))

    def handshake(self, conn):
        try:
            conn.send(type="HELLO", session=self.session, to=self.cfg["peer"], echo=self.cfg["echo"],
                      **{"from": self.cfg["id"]})
            hello = conn.frame(self.deadline)
            if (hello["type"], hello.get("session"), hello.get("from"), hello.get("to")) != (
                    "HELLO", self.session, self.cfg["peer"], self.cfg["id"]):
                raise Failure("stray stream")
            conn.peer_echo = int(hello.get("echo", 0))
            if not self.chooser:
                if conn.frame(self.deadline)["type"] != "CHOSEN":
                    raise Failure("expected CHOSEN")
            with self.lock:
                if self.kept is not None:
                    raise Failure("duplicate stream")
                self.kept, self.agreed_at = conn, time.monotonic()
            if self.chooser:
                conn.send(type="CHOSEN")
            log("established", method=conn.method, remote=fmt(conn.sock.getpeername()))
            self.done.set()
        except (Failure, OSError, ValueError, KeyError) as e:
            log("rejected", reason=str(e).replace(" ", "_"))
            abort(conn.sock)


def check_stream(conn, p, deadline):
    def ping():
        rtts = []
        for seq in range(1, PINGS + 1):
            t0 = time.monotonic()
            conn.send(type="PING", seq=seq)
            pong = conn.frame(deadline)
            if pong["type"] != "PONG" or pong.get("seq") != seq:
                raise Failure(f"expected PONG {seq}")
            rtts.append((time.monotonic() - t0) * 1000)
        return sorted(rtts)[PINGS // 2]

    def answer():
        for _ in range(PINGS):
            msg = conn.frame(deadline)
            if msg["type"] != "PING":
                raise Failure("expected PING")
            conn.send(type="PONG", seq=msg.get("seq", 0))

    rtt = ping() if p.chooser else None
    answer()
    rtt = rtt if p.chooser else ping()
    errors = []

    def write():
        try:
            for chunk in echo_pattern(p.session, p.cfg["id"], p.cfg["echo"]):
                conn.sock.sendall(chunk)
        except OSError as e:
            errors.append(e)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    verified = 0
    for want in echo_pattern(p.session, p.cfg["peer"], conn.peer_echo):
        if conn.exact(len(want), deadline) != want:
            raise Failure(f"echo bytes after {verified} differ from what the peer sent")
        verified += len(want)
    writer.join(max(0.0, deadline - time.monotonic()))
    if writer.is_alive() or errors:
        raise Failure("echo bytes not sent before the deadline")
    try:
        conn.send(type="BYE")
        conn.frame(min(deadline, time.monotonic() + 1.0))
    except (Failure, OSError, ValueError):
        pass  # everything was verified already
    return rtt, verified


def main():
    try:
        cfg = {"server": env("NATLAB_SERVER", parse=endpoint), "id": env("NATLAB_ID"), "peer": env("NATLAB_PEER"),
               "token": os.environ.get("NATLAB_TOKEN") or None, "port": env("NATLAB_LOCAL_PORT", "0", int),
               "timeout": env("NATLAB_TIMEOUT_MS", "10000", int) / 1000.0, "echo": env("NATLAB_ECHO_BYTES", "0", int),
               "strategy": env("NATLAB_STRATEGY", "listen-connect"), "bind": os.environ.get("NATLAB_BIND", "0.0.0.0")}
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    deadline = time.monotonic() + cfg["timeout"]
    result = {"outcome": "failed", "attempts": 0, "bytesVerified": 0}
    rendezvous, puncher, started, phase = None, None, None, "rendezvous"
    try:
        rendezvous = shared_socket(cfg["port"], cfg["bind"])
        port = rendezvous.getsockname()[1]
        rendezvous.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            rendezvous.connect(cfg["server"])
        except OSError as e:
            raise Failure(f"rendezvous: cannot connect to {fmt(cfg['server'])}: {e}")
        server = Conn(rendezvous, "rendezvous")
        result["local"] = fmt(rendezvous.getsockname())
        reg = {"type": "REGISTER", "id": cfg["id"], "private": result["local"]}
        server.send(**(reg | ({"token": cfg["token"]} if cfg["token"] else {})))
        start = None
        while start is None:
            msg = server.frame(deadline + 3600)  # BROKEN 1: ignores the deadline while waiting for the peer
            if msg["type"] == "ERROR":
                raise Failure(f"rendezvous: {msg.get('code')} {msg.get('message', '')}")
            if msg["type"] == "REGISTERED":
                cfg["self_public"] = msg["public"]
                log("registered", public=msg["public"])
                server.send(type="CONNECT", peer=cfg["peer"])
            elif msg["type"] == "START":
                start, started = msg, time.monotonic()
                log("instructed", peer_public=msg["peer"]["public"], peer_private=msg["peer"]["private"])
        phase = "punch"
        puncher = Puncher(cfg, start, port, deadline)
        conn = puncher.run()
        if conn is None:
            raise Failure(f"no authenticated stream to {cfg['peer']} within the deadline "
                          f"({puncher.attempts} attempts)")
        result.update(method=conn.method, local=fmt(conn.sock.getsockname()), remote=fmt(conn.sock.getpeername()),
                      elapsedMs=round((puncher.agreed_at - started) * 1000, 3))
        phase = "stream"
        rtt, verified = check_stream(conn, puncher, deadline)
        result.update(outcome="direct", rttMs=round(rtt, 3), bytesVerified=verified)
    except (Failure, OSError, ValueError, KeyError) as e:
        text = str(e) if isinstance(e, Failure) else f"{type(e).__name__}: {e}"
        if phase == "stream":
            text = f"stream check failed after the punch: {text}"
        elif phase == "rendezvous" and not text.startswith("rendezvous"):
            text = ("timeout: " if "deadline" in text else "rendezvous: ") + text
        result["error"] = text
    finally:
        if puncher is not None:
            result["attempts"] = puncher.attempts
            for s in puncher.sockets:
                abort(s)
        if rendezvous is not None:
            abort(rendezvous)
    log(result["outcome"] if result["outcome"] == "failed" else "done", **{"error": result.get("error", "-")})
    print(json.dumps(result, separators=(",", ":")), flush=True)
    return 0  # BROKEN 2: exit 0 even when it failed


if __name__ == "__main__":
    sys.exit(main())
