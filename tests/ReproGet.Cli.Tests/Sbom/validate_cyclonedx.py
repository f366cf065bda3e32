#!/usr/bin/python3
"""Validates a CycloneDX JSON document against the official schema (bom-1.6, with its spdx and jsf references)
using Debian's python3-jsonschema. usage: validate_cyclonedx.py BOM.json SCHEMA_DIR; prints "VALID" or the errors."""
import json
import pathlib
import sys

import jsonschema

bom_path, schema_dir = sys.argv[1], pathlib.Path(sys.argv[2])
base = "http://cyclonedx.org/schema/"
# The schemas refer to each other relatively ("spdx.SNAPSHOT.schema.json") from their $id's folder: serve them from a store.
store = {base + name: json.loads((schema_dir / name).read_text())
         for name in ["bom-1.6.SNAPSHOT.schema.json", "spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]}
schema = store[base + "bom-1.6.SNAPSHOT.schema.json"]
resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)  # jsonschema 4.10 (Debian 12)
validator = jsonschema.Draft7Validator(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(json.load(open(bom_path))), key=lambda e: list(e.path))
for error in errors:
    print(f"{'/'.join(map(str, error.path))}: {error.message}")
print("VALID" if not errors else f"{len(errors)} errors")
sys.exit(0 if not errors else 1)
