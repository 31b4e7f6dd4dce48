#!/bin/sh
cat > /dev/null
echo 'boom from filter' >&2
echo '  while reading episode 2' >&2
exit 3
