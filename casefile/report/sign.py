"""Offline PAdES signature (baseline B-B, no network, no timestamp server) with pyHanko."""

from __future__ import annotations

import io
from pathlib import Path

from casefile.errors import CasefileError, InvalidInput


def sign_pdf(data: bytes, cert_file: str | Path, key_file: str | Path,
             password: str | None = None, *, reason: str = "Casefile case report") -> bytes:
    """Return the PDF with an approval signature covering the whole file (optional dependency)."""
    try:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
    except ImportError as exc:
        raise CasefileError("signing needs pyHanko: pip install 'casefile[sign]'") from exc
    for path in (cert_file, key_file):
        if not Path(path).is_file():
            raise InvalidInput("certificate or key file not found", path)
    try:
        signer = signers.SimpleSigner.load(
            str(key_file), str(cert_file),
            key_passphrase=password.encode("utf-8") if password else None)
    except (ValueError, TypeError, OSError) as exc:
        raise InvalidInput(f"cannot load the signing key or certificate ({exc})", key_file) from exc
    if signer is None:
        raise InvalidInput("cannot load the signing key or certificate (wrong password or format?)",
                           key_file)
    meta = signers.PdfSignatureMetadata(field_name="CasefileSignature", md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES, reason=reason)
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()
