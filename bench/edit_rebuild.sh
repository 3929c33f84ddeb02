#!/bin/sh
# One article's body edited, then a build as a new process: the rebuild of bench/PHOTOS_RESULTS.md
# ("The 20k rebuild measured as the issue asks").  Usage: sh bench/edit_rebuild.sh SITE_FOLDER
cd "${1:?the site folder}" || exit 1
f=$(find content -name '*.md' | sort | head -1)
echo "Thêm một dòng $(date +%s%N)." >> "$f"
sitegen build 2>&1 | tail -1
