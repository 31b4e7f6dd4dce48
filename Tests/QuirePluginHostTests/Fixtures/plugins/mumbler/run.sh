#!/bin/sh
cat > /dev/null
echo '{"severity": "warning", "message": "one episode has no title", "id": "untitled"}' >&2
echo 'Traceback: boom from mumbler' >&2
exit 3
