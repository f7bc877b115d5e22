#!/usr/bin/env bash
# Builds BR2K Watch (with the br2k command beside it) as a jpackage app image and a .deb.
# Called by Maven in the packaging module's `package` phase; see packaging/README.md.
# usage: build-installers.sh VERSION TARGET_DIR INFODID_TARGET ANVIL
#   TARGET_DIR/jpackage/input   the application's jars (everything but JavaFX)
#   TARGET_DIR/jpackage/javafx  JavaFX's jars; their *-linux.jar go into the runtime as modules
#   INFODID_TARGET              examples/infodid-sandbox/target: the sandbox programs' jar and classpath.txt
#                               (InfoDID, the registry client, the runtime; for `br2k sandbox`)
#   ANVIL                       the anvil binary of the pinned npm package (for `br2k sandbox`)
set -euo pipefail
version=${1:?version}
target=${2:?target dir}
infodid_target=${3:?examples/infodid-sandbox/target}
anvil=${4:?anvil binary}
here=$(cd "$(dirname "$0")" && pwd)
app_version=${version%%-*}              # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
name=br2k-watch
input=$target/jpackage/input
javafx=$target/jpackage/javafx
runtime=$target/jpackage/runtime
out=$target/installers
work=$target/jpackage/work

for tool in jlink jpackage jdeps; do
  command -v "$tool" >/dev/null || { echo "build-installers: $tool is missing; it comes with JDK 17 (openjdk-17-jdk)" >&2; exit 1; }
done
command -v fakeroot >/dev/null || { echo "build-installers: fakeroot is missing: run ./scripts/install-deps" >&2; exit 1; }

[ -x "$anvil" ] || { echo "build-installers: anvil is missing at $anvil: run ./scripts/install-deps" >&2; exit 1; }
[ -f "$infodid_target/classpath.txt" ] || { echo "build-installers: $infodid_target/classpath.txt is missing: build examples/infodid-sandbox first" >&2; exit 1; }
infodid_jar=$(ls "$infodid_target"/br2k-infodid-sandbox-*.jar | grep -v -- '-tests\.jar$' | head -1)
infodid_jars=("$infodid_jar")
IFS=: read -r -a deps < "$infodid_target/classpath.txt" || true   # the file has no final newline
infodid_jars+=("${deps[@]}")

watch_jar=$(cd "$input" && ls br2k-watch-app-*.jar)
cli_jar=$(cd "$input" && ls br2k-cli-*.jar)
fx_path=$(ls "$javafx"/*-linux.jar | tr '\n' ':')
fx_path=${fx_path%:}

# The runtime: the JDK modules the application's jars use (jdeps), plus JavaFX, plus what
# reflection-heavy libraries load without jdeps seeing it (TLS curves, JMX, Unsafe, zip file systems).
echo "build-installers: finding the JDK modules the application needs (jdeps)"
found=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q \
          --module-path "$fx_path" --class-path "$input/*:$(IFS=:; echo "${infodid_jars[*]}")" \
          "$input"/*.jar "${infodid_jars[@]}" 2>/dev/null || true)
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml"
modules="$modules,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata,java.security.jgss"
modules="$modules,javafx.base,javafx.graphics,javafx.controls,javafx.swing"
[ -n "$found" ] && modules="$modules,$found"
modules=$(echo "$modules" | tr ',' '\n' | grep -v '^javafx\.\(fxml\|web\|media\)$' | sort -u | paste -sd, -)

rm -rf "$runtime" "$out" "$work"
mkdir -p "$out" "$work"
echo "build-installers: jlink runtime with $modules"
jlink --module-path "$fx_path" --add-modules "$modules" \
      --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

cat > "$work/br2k.properties" <<PROPS
main-class=dev.br2k.cli.Br2kCli
main-jar=$cli_jar
description=br2k: build, register, deploy and recover BR2K services
PROPS

echo "build-installers: app image"
jpackage --type app-image --dest "$out" --name "$name" --app-version "$app_version" \
  --input "$input" --main-jar "$watch_jar" --main-class dev.br2k.watch.Br2kWatch \
  --runtime-image "$runtime" --icon "$here/br2k-watch.png" \
  --description "BR2K Watch: watch and steer replicated blockchain application services" \
  --vendor "BR2K" --copyright "BR2K contributors" \
  --java-options "-Xss1m" --java-options "-XX:TieredStopAtLevel=1" \
  --add-launcher br2k="$work/br2k.properties"

# What `br2k sandbox` needs that Debian does not provide: anvil (MIT OR Apache-2.0) and the InfoDID sample.
echo "build-installers: anvil and the InfoDID sample into the app image"
mkdir -p "$out/$name/lib/anvil" "$out/$name/lib/infodid"
install -m 0755 "$anvil" "$out/$name/lib/anvil/anvil"
anvil_version=$("$anvil" --version | head -1)
cat > "$out/$name/lib/anvil/NOTICE" <<NOTICE
$anvil_version, from the npm package @foundry-rs/anvil-linux-amd64, part of Foundry
(https://github.com/foundry-rs/foundry). Licensed under the MIT License or the Apache License 2.0,
at your option. BR2K runs it as the local chain of \`br2k sandbox\`.
NOTICE
# The sandbox programs keep their own class path, in order, in lib/infodid/classpath.txt (relative to lib/). A jar
# the application carries too (same file name, same bytes: web3j, Jackson, ...) is named there as app/<jar>
# instead of being packaged twice (jpackage would turn a symbolic link into a second copy).
shared=0
: > "$out/$name/lib/infodid/classpath.txt"
for jar in "${infodid_jars[@]}"; do
  base=$(basename "$jar")
  if [ -f "$out/$name/lib/app/$base" ] && cmp -s "$jar" "$out/$name/lib/app/$base"; then
    echo "app/$base" >> "$out/$name/lib/infodid/classpath.txt"
    shared=$((shared + 1))
  else
    install -m 0644 "$jar" "$out/$name/lib/infodid/$base"
    echo "infodid/$base" >> "$out/$name/lib/infodid/classpath.txt"
  fi
done
echo "build-installers: the sandbox programs' class path has ${#infodid_jars[@]} jars, $shared of them the application's"

echo "build-installers: .deb"
jpackage --type deb --dest "$out" --name "$name" --app-version "$app_version" \
  --app-image "$out/$name" --resource-dir "$here/deb" \
  --description "BR2K Watch: watch and steer replicated blockchain application services" \
  --vendor "BR2K" --about-url "https://br2k.dev" \
  --linux-package-name "$name" --linux-deb-maintainer "BR2K <team@br2k.dev>" \
  --linux-menu-group "System;Monitor" --linux-app-category admin \
  --linux-package-deps "libgtk-3-0, xdg-utils, etcd-server" --linux-shortcut \
  --temp "$work/deb"

ls -la "$out"
