#!/usr/bin/env python3
"""Edit-to-reload latency of `exemplar serve`: from the moment a file is written to the
moment the server's reload event (server-sent events) arrives, and the memory the server
holds. Used by bench/serve.sh.

    serve_latency.py EXEMPLAR CONTENT THEME WORK [EDITS]

CONTENT and THEME are copied into WORK; the server is started there on a free loopback port.
Kinds of edit: a profile's body, a unit's name in units.yml, the layout template
(KINDS=body,unit,template picks some, by a word of their name).
"""
import os, shutil, socket, statistics, subprocess, sys, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_ms(pid):
    """User and system CPU the process has used so far, in milliseconds (clock-tick resolution)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Events:
    """The server's event stream, read line by line from a plain socket."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__exemplar/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.sock.settimeout(600)
        self.buffer = b""

    def next(self, name):
        """Blocks until an event called `name` arrives; returns its data."""
        while True:
            while b"\n\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise SystemExit("the event stream closed")
                self.buffer += chunk
            block, self.buffer = self.buffer.split(b"\n\n", 1)
            lines = block.replace(b"\r\n", b"\n").split(b"\n")
            event = next((l[7:] for l in lines if l.startswith(b"event: ")), None)
            data = next((l[6:] for l in lines if l.startswith(b"data: ")), b"")
            if event == name.encode():
                return data.decode()


def main():
    exemplar, content, theme, work = sys.argv[1:5]
    if os.sep in exemplar:
        exemplar = os.path.abspath(exemplar)  # the server runs in WORK
    edits = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(content, os.path.join(work, "content"))
    shutil.copytree(theme, os.path.join(work, "theme"))
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    start = time.monotonic()
    server = subprocess.Popen([exemplar, "serve", "--port", str(port), "--quiet"],
                              cwd=work, stdout=log, stderr=log)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("serve stopped; see " + log.name)
                time.sleep(0.05)
        print(f"first build and listening: {time.monotonic() - start:.2f} s, server RSS {rss_mib(server.pid):.0f} MiB")
        events = Events(port)
        events.next("state")

        individuals = os.path.join(work, "content", "individuals")
        profile = os.path.join(individuals, sorted(os.listdir(individuals))[len(os.listdir(individuals)) // 2])
        units = os.path.join(work, "content", "units.yml")
        layout = os.path.join(work, "theme", "templates", "layout.mustache")
        original = {path: open(path, encoding="utf-8").read() for path in (profile, units, layout)}

        def body(n):
            return original[profile] + f"\nLần sửa thứ {n}.\n"

        def unit(n):
            text = original[units]
            at = text.index("  name: ") + len("  name: ")
            end = text.index("\n", at)
            return text[:at] + f'"Đơn vị đổi tên {n}"' + text[end:]

        def template(n):
            return original[layout].replace("<footer", f'<footer data-lan="{n}"', 1)

        kinds = [("profile body", profile, body, edits), ("unit renamed in units.yml", units, unit, edits),
                 ("template", layout, template, max(3, edits // 4))]
        only = os.environ.get("KINDS")
        if only:
            kinds = [kind for kind in kinds if any(word in kind[0] for word in only.split(","))]
        for name, path, change, count in kinds:
            times, cpu = [], []
            for n in range(count):
                text = change(n)
                c0 = cpu_ms(server.pid)
                t0 = time.monotonic()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                data = events.next("build")
                times.append((time.monotonic() - t0) * 1000)
                cpu.append(cpu_ms(server.pid) - c0)
                if '"failed":true' in data:
                    raise SystemExit(f"{name}: the build failed: {data[:400]}")
                time.sleep(0.2)
            with open(path, "w", encoding="utf-8") as f:
                f.write(original[path])
            events.next("build")
            print(f"{name}: median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f} "
                  f"over {count} edits; server CPU per rebuild median {statistics.median(cpu):.0f} ms; "
                  f"server RSS {rss_mib(server.pid):.0f} MiB; load {load()}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
