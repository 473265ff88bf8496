#!/usr/bin/env bash
# Builds the runtime image (target/image) and the Linux installer (target/installer) from the
# modular jars that `mvn -Pdist package` left in target/dist/modules. Every knob is read from
# jlink.properties at the top level, the one place that configures the image.
set -euo pipefail
cd "$(dirname "$0")/../.."
prop() { grep -E "^$1=" jlink.properties | head -1 | cut -d= -f2- ; }

name=$(prop image.name)
launcher=$(prop launcher.name)
main=$(prop launcher.main)
extra=$(prop modules.extra)
compression=$(prop compression)
java_options=$(prop java.options)
version=${1:-0.0.0}
jdk_bin="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin"

flags=()
[ "$(prop strip.debug)" = "true" ] && flags+=(--strip-debug)
[ "$(prop no.header.files)" = "true" ] && flags+=(--no-header-files)
[ "$(prop no.man.pages)" = "true" ] && flags+=(--no-man-pages)
[ -n "$java_options" ] && flags+=("--add-options=$java_options")

rm -rf target/image
"$jdk_bin/jlink" --module-path target/dist/modules \
    --add-modules "org.segmentlab${extra:+,$extra}" \
    --launcher "$launcher=org.segmentlab/$main" \
    --compress="$compression" "${flags[@]}" \
    --output target/image
echo "runtime image: target/image ($(du -sh target/image | cut -f1)), launcher target/image/bin/$launcher"

rm -rf target/installer
mkdir -p target/installer
icon=assets/icons/segmentlab-256.png
icon_args=()
[ -f "$icon" ] && icon_args=(--icon "$icon")
"$jdk_bin/jpackage" --type app-image --dest target/installer --name "$name" --app-version "$version" \
    --runtime-image target/image --module "org.segmentlab/$main" "${icon_args[@]}"
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    "$jdk_bin/jpackage" --type deb --dest target/installer --name "$name" --app-version "$version" \
        --runtime-image target/image --module "org.segmentlab/$main" "${icon_args[@]}" \
        --linux-shortcut --linux-menu-group "Office;Science" --description "Customer segmentation workbench" \
        --vendor "SegmentLab" --linux-app-category science
    echo "installer: $(ls target/installer/*.deb)"
else
    echo "dpkg-deb or fakeroot missing: built the app-image only (target/installer/$name)"
fi
