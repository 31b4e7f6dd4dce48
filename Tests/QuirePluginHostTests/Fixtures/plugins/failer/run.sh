#!/bin/sh
cat > /dev/null; echo "{\"severity\": \"error\", \"message\": \"cannot write this\", \"id\": \"nope\"}" >&2; exit 3
