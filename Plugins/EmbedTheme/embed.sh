#!/bin/sh
# Writes a Swift file that holds each given file of a theme folder as base64 text (a few long
# string literals compile fast; a byte-array literal of the same size would not).
# Usage: embed.sh THEME_FOLDER OUTPUT.swift PATH...   (PATHs relative to THEME_FOLDER)
set -eu
folder=$1
output=$2
shift 2
partial="$output.partial"
{
    echo "// Made at build time by Plugins/EmbedTheme/embed.sh from themes/default: edit those files, not this one."
    echo "extension BuiltInTheme {"
    echo "    /// Path below the theme folder, and the file's bytes in base64."
    echo "    static let encodedFiles: [(path: String, base64: String)] = ["
    for path in "$@"; do
        printf '        ("%s", "%s"),\n' "$path" "$(base64 < "$folder/$path" | tr -d '\n')"
    done
    echo "    ]"
    echo "}"
} > "$partial"
mv "$partial" "$output"
