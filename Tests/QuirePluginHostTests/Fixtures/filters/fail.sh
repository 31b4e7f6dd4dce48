#!/bin/sh
cat > /dev/null
echo '{"severity": "error", "id": "refused", "message": "no episodes today"}' >&2
exit 1
