#!/bin/sh
# A byte-level converter: Quire JSON in, the same bytes out.
cat
