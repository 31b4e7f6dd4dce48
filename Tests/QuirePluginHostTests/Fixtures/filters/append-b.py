#!/usr/bin/env python3
"""A test filter: appends its own file name's mark (append-a → ' a') and the target format it was given to every episode title."""
import json, os, sys
mark = os.path.basename(sys.argv[0]).split("-")[-1].split(".")[0]
model = json.load(sys.stdin)
for episode in model["episodes"]:
    episode["title"] += f" {mark}:{sys.argv[1] if len(sys.argv) > 1 else ''}"
model["title"] = f"argv={sys.argv[1:]} target={os.environ.get('QUIRE_TARGET_FORMAT')} filter={os.environ.get('QUIRE_FILTER')} protocol={os.environ.get('QUIRE_PROTOCOL')}"
json.dump(model, sys.stdout, ensure_ascii=False)
