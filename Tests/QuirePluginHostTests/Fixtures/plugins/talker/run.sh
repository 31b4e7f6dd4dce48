#!/bin/sh
cat > /dev/null; echo "{\"severity\": \"warning\", \"message\": \"odd line\", \"line\": 2, \"column\": 5}" >&2; echo "plain words" >&2; echo "{\"schemaVersion\": 1, \"episodes\": [{\"title\": \"From talker\"}]}"
