#!/bin/bash
# OpenCCP's after-remove script (deb postrm, rpm %postun). A template: electron-builder puts the
# executable's name in place of its macro when it builds the package.
#
# An upgrade is not a removal: dpkg calls postrm with "upgrade" and rpm calls %postun with 1
# (one version still installed) - rpm even runs it after the new version's %post, so removing
# here would take the udev rule and the command link away from the version just installed.
#
# DESTDIR is a staging root, set only by the test that runs this script in a temporary folder
# (scripts/linuxPackageScripts.test.ts); a package manager leaves it empty.
set -u
case "${1:-remove}" in
    upgrade | failed-upgrade | [1-9]*) exit 0 ;;
esac
root="${DESTDIR:-}"

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' "/opt/${sanitizedProductName}/${executable}" || true
else
    rm -f "$root/usr/bin/${executable}"
fi

rule_file="$root/usr/lib/udev/rules.d/70-openccp-headsets.rules"
if [ -f "$rule_file" ]; then
    rm -f "$rule_file"
    if hash udevadm 2>/dev/null; then
        udevadm control --reload-rules || true
    fi
fi

apparmor_profile="$root/etc/apparmor.d/${executable}"
if [ -f "$apparmor_profile" ]; then
    if apparmor_status --enabled > /dev/null 2>&1; then
        if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --remove "$apparmor_profile" || true
        fi
    fi
    rm -f "$apparmor_profile"
fi
exit 0
