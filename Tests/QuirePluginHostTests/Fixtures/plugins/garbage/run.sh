#!/bin/sh
cat > /dev/null; echo "this is not JSON"
