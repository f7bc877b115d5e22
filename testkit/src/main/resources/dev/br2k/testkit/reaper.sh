#!/usr/bin/env bash
# The testkit's watchdog: one per test JVM, in its own session. When the JVM is gone (also after
# kill -9), it kills every process the testkit started and still tracks, then deletes the run dir.
# usage: reaper.sh OWNER_PID RUN_DIR
owner=$1
run=$2
trap '' HUP INT TERM PIPE
while kill -0 "$owner" 2>/dev/null && [ -d "$run" ]; do
  sleep 0.5
done
if [ -d "$run/.reaper" ]; then
  for f in "$run"/.reaper/proc-*; do
    [ -f "$f" ] || continue
    read -r pid start < "$f"
    now=$(cut -d' ' -f22 "/proc/$pid/stat" 2>/dev/null)
    if [ -n "$now" ] && [ "$now" = "$start" ]; then
      kill -KILL "$pid" 2>/dev/null
    fi
  done
fi
rm -rf "$run"
