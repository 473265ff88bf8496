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

# Monocle (JavaFX's headless graphics driver, for `analyze --out` charts without a display) lives in package
# com.sun.glass.ui.monocle, which JavaFX looks up inside its own module javafx.graphics. A separate jar would be a
# split package that jlink refuses, so its classes are merged into the javafx.graphics modular jar here.
# The module has no ModulePackages attribute, so the module system finds the added package by scanning the jar.
modules=target/dist/modules
monocle_jar=$(ls "$modules"/openjfx-monocle-*.jar 2>/dev/null | head -1 || true)
if [ -n "$monocle_jar" ]; then
    graphics_jar=""
    for j in "$modules"/javafx-graphics-*.jar; do   # the platform jar holds the module; the other is empty
        if [ -z "$graphics_jar" ] && unzip -l "$j" module-info.class >/dev/null 2>&1; then graphics_jar=$j; fi
    done
    [ -n "$graphics_jar" ] || { echo "no modular javafx-graphics jar in $modules"; exit 1; }
    merge=target/dist/monocle-classes
    rm -rf "$merge" && mkdir -p "$merge"
    unzip -q -o "$monocle_jar" 'com/sun/glass/ui/monocle/*' -d "$merge"
    "$jdk_bin/jar" --update --file "$graphics_jar" -C "$merge" com
    rm -f "$monocle_jar"
    echo "merged $(find "$merge" -name '*.class' | wc -l) Monocle classes into $(basename "$graphics_jar")"
fi

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
