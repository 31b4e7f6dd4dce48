#!/bin/sh
# Closes its output, then keeps running: the timeout must still stop it.
cat > /dev/null
exec >&- 2>&-
exec sleep 30
