#!/usr/bin/python3
"""Independent check of a repro-get DSSE envelope: PAE computed here from the DSSE spec, the Ed25519 signature
verified by securesystemslib (Debian's python3-securesystemslib), the Statement fields checked as plain JSON.

usage: verify_dsse.py ENVELOPE PUBLIC_KEY_PEM SUBJECT_NAME SUBJECT_SHA256
prints "OK" and exits 0, or prints the failure and exits 1."""
import base64
import json
import sys

from cryptography.hazmat.primitives import serialization
from securesystemslib.signer import Signature, SSlibKey


def pae(payload_type: str, payload: bytes) -> bytes:
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def main() -> int:
    envelope_path, key_path, subject_name, subject_sha256 = sys.argv[1:5]
    envelope = json.load(open(envelope_path))
    public = serialization.load_pem_public_key(open(key_path, "rb").read())
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = SSlibKey(envelope["signatures"][0]["keyid"], "ed25519", "ed25519", {"public": raw.hex()})
    payload = base64.b64decode(envelope["payload"])
    assert envelope["payloadType"] == "application/vnd.in-toto+json", envelope["payloadType"]
    signature = envelope["signatures"][0]
    key.verify_signature(Signature(signature["keyid"], base64.b64decode(signature["sig"]).hex()), pae(envelope["payloadType"], payload))

    statement = json.loads(payload)
    assert statement["_type"] == "https://in-toto.io/Statement/v1", statement["_type"]
    assert statement["predicateType"] == "https://slsa.dev/provenance/v1", statement["predicateType"]
    assert {"name": subject_name, "digest": {"sha256": subject_sha256}} in statement["subject"], statement["subject"]
    build = statement["predicate"]["buildDefinition"]
    assert build["buildType"], build
    for dependency in build["resolvedDependencies"]:
        assert len(dependency["digest"]["sha256"]) == 64, dependency
    assert statement["predicate"]["runDetails"]["builder"]["id"], statement["predicate"]
    # The same bytes with one flipped bit must not verify.
    try:
        key.verify_signature(Signature(signature["keyid"], base64.b64decode(signature["sig"]).hex()), pae(envelope["payloadType"], payload + b" "))
        print("a tampered payload verified")
        return 1
    except Exception:
        pass
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
