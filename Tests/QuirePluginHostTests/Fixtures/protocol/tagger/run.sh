#!/bin/sh
# Says what the protocol gave it: arguments, environment, then its standard input.
printf '%s %s|%s|%s|%s\n' "$1" "$2" "$QUIRE_PROTOCOL" "$QUIRE_INPUT_NAME" "$QUIRE_OPTIONS"
cat
