#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 cispref developers
# SPDX-License-Identifier: MIT
"""A signal during `render -o cahier.pdf` leaves nothing behind: with a fake, slow
`weasyprint` first on PATH, the tool is sent SIGINT (to its process group, as Ctrl-C
does), SIGTERM or SIGHUP (to it alone, as kill does) while the typesetter runs. The tool
must then end by that signal, with no temporary HTML in TMPDIR, no temporary PDF beside
the output, the previous output untouched, the typesetter stopped, and at most one line
on standard error: not the Python traceback of the typesetter's KeyboardInterrupt (the
fake is a Python program too, which prints one when SIGINT stops it). A typesetter that
fails by itself still has its message shown.

    test_render_interrupt.py CISPREF_EXE WORK_DIR
"""
import os
import shutil
import signal
import subprocess
import sys
import time

PREVIOUS = b"the previous cahier\n"


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def check(cispref, work, sig):
    name = signal.Signals(sig).name
    tmp, out = os.path.join(work, name, "tmp"), os.path.join(work, name, "out")
    os.makedirs(tmp)
    os.makedirs(out)
    output = os.path.join(out, "k5.pdf")
    with open(output, "wb") as f:
        f.write(PREVIOUS)
    pid_file = os.path.join(work, name, "typesetter.pid")
    env = dict(os.environ, PATH=os.path.join(work, "bin") + os.pathsep + os.environ["PATH"],
               TMPDIR=tmp, TYPESETTER_PID=pid_file)
    # a session of its own: a process group to send SIGINT to, as a terminal does
    tool = subprocess.Popen([cispref, "render", "-o", output], env=env, start_new_session=True,
                            stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    while not (os.path.exists(pid_file) and os.path.getsize(pid_file)):
        if tool.poll() is not None or time.monotonic() > deadline:
            tool.kill()
            return [f"{name}: the fake typesetter did not start"]
        time.sleep(0.05)
    typesetter = int(open(pid_file).read())
    if sig == signal.SIGINT:
        os.killpg(tool.pid, sig)
    else:
        os.kill(tool.pid, sig)
    try:
        err = tool.communicate(timeout=30)[1].decode(errors="replace")
        status = tool.returncode
    except subprocess.TimeoutExpired:
        tool.kill()
        err, status = tool.communicate()[1].decode(errors="replace"), "still running"
    failures = []
    if status != -sig:
        failures.append(f"{name}: the tool ended with {status}, expected the signal")
    if "Traceback" in err or "typesetting" in err or err.count("\n") > 1:
        failures.append(f"{name}: on standard error: {err!r}")
    if os.listdir(tmp):
        failures.append(f"{name}: left in TMPDIR: {os.listdir(tmp)}")
    if os.listdir(out) != ["k5.pdf"]:
        failures.append(f"{name}: beside the output: {sorted(os.listdir(out))}")
    with open(output, "rb") as f:
        if f.read() != PREVIOUS:
            failures.append(f"{name}: the previous output changed")
    if alive(typesetter):
        os.kill(typesetter, signal.SIGKILL)
        failures.append(f"{name}: the typesetter is still running")
    return failures


def fails_by_itself(cispref, work):
    """What the typesetter says when it fails by itself reaches the user."""
    env = dict(os.environ, PATH=os.path.join(work, "bin") + os.pathsep + os.environ["PATH"],
               FAKE_FAIL="1", TYPESETTER_PID=os.devnull)
    run = subprocess.run([cispref, "render", "-o", os.path.join(work, "failed.pdf")],
                         env=env, stderr=subprocess.PIPE, timeout=60)
    err = run.stderr.decode(errors="replace")
    if run.returncode != 1 or "fake weasyprint: cannot typeset this\n" not in err \
            or "weasyprint failed (exit status 1)" not in err:
        return [f"failure of its own: status {run.returncode}, said {err!r}"]
    print("failure of its own: its message shown, exit status 1")
    return []


def main():
    cispref, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "bin"))
    fake = os.path.join(work, "bin", "weasyprint")
    with open(fake, "w") as f:
        # a word on standard error, its pid, then a long sleep, which SIGINT ends with a
        # traceback as WeasyPrint's; with FAKE_FAIL, a failure of its own
        f.write(f"#!{sys.executable}\n"
                "import os, sys, time\n"
                "print('fake weasyprint: typesetting', file=sys.stderr, flush=True)\n"
                "if os.environ.get('FAKE_FAIL'):\n"
                "    sys.exit('fake weasyprint: cannot typeset this')\n"
                "with open(os.environ['TYPESETTER_PID'], 'w') as f:\n"
                "    f.write(str(os.getpid()))\n"
                "time.sleep(60)\n")
    os.chmod(fake, 0o755)
    failures = []
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        found = check(cispref, work, sig)
        failures += found
        if not found:
            print(f"{signal.Signals(sig).name}: nothing left, the previous output kept, "
                  "the typesetter stopped, no traceback")
    failures += fails_by_itself(cispref, work)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
