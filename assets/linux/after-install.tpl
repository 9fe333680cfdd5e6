#!/bin/bash
# OpenCCP's after-install script (deb postinst, rpm %post). A template: electron-builder puts the
# executable's and the product's names in place of its macros when it builds the package.
# It does what electron-builder's default script does (command link, chrome-sandbox mode,
# desktop and MIME databases, AppArmor profile) and installs the headsets' udev rule, which
# lets the agent's headset buttons reach the app without root (docs/headsets.md).
#
# DESTDIR is a staging root, set only by the test that runs this script in a temporary folder
# (scripts/linuxPackageScripts.test.ts); a package manager leaves it empty.
set -u
root="${DESTDIR:-}"
app_dir="/opt/${sanitizedProductName}"
bin_link="$root/usr/bin/${executable}"

if type update-alternatives >/dev/null 2>&1; then
    # Remove a previous link that does not go through update-alternatives.
    if [ -L "$bin_link" ] && [ "$(readlink "$bin_link")" != "/etc/alternatives/${executable}" ]; then
        rm -f "$bin_link"
    fi
    update-alternatives --install "$bin_link" '${executable}' "$app_dir/${executable}" 100 \
        || ln -sf "$app_dir/${executable}" "$bin_link"
else
    mkdir -p "$root/usr/bin"
    ln -sf "$app_dir/${executable}" "$bin_link"
fi

# The SUID sandbox only where the kernel has no working user namespaces.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true 2>/dev/null; }; then
    chmod 4755 "$root$app_dir/chrome-sandbox" || true
else
    chmod 0755 "$root$app_dir/chrome-sandbox" || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database "$root/usr/share/mime" || true
fi
if hash update-desktop-database 2>/dev/null; then
    update-desktop-database "$root/usr/share/applications" || true
fi

# The headsets' udev rule, shipped in the app's resources (electron-builder.yml extraResources).
rule_name='70-openccp-headsets.rules'
rule_source="$root$app_dir/resources/udev/$rule_name"
rules_dir="$root/usr/lib/udev/rules.d"
if [ -f "$rule_source" ]; then
    mkdir -p "$rules_dir"
    install -m 0644 "$rule_source" "$rules_dir/$rule_name"
    # udevd may not run (a container, an image being built): the rule applies from next boot.
    if hash udevadm 2>/dev/null; then
        udevadm control --reload-rules || true
        # A headset plugged in already gets the rule now, not at its next plug-in.
        udevadm trigger --subsystem-match=hidraw --action=change || true
    fi
else
    echo "OpenCCP: $rule_source is missing; headset buttons need the udev rule (docs/headsets.md)" >&2
fi

# AppArmor profile (Ubuntu 24+), as electron-builder's default script installs it.
if apparmor_status --enabled > /dev/null 2>&1; then
    apparmor_source="$root$app_dir/resources/apparmor-profile"
    apparmor_target="$root/etc/apparmor.d/${executable}"
    if apparmor_parser --skip-kernel-load --debug "$apparmor_source" > /dev/null 2>&1; then
        cp -f "$apparmor_source" "$apparmor_target"
        if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$apparmor_target"
        fi
    fi
fi
exit 0
