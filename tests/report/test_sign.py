"""Offline PAdES signing with a self-signed certificate made in the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("pyhanko")

from casefile.report.context import ReportOptions  # noqa: E402
from casefile.report.pdf import build_report  # noqa: E402


def _self_signed(tmp_path: Path) -> tuple[Path, Path, object]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Анна Смирнова (test)")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=False,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    kp, cp = tmp_path / "key.pem", tmp_path / "cert.pem"
    kp.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                     serialization.PrivateFormat.PKCS8,
                                     serialization.BestAvailableEncryption(b"secret")))
    cp.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cp, kp, cert


def _status(path: Path, cert_pem: Path):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    vc = ValidationContext(trust_roots=[load_cert_from_pemder(str(cert_pem))])
    with open(path, "rb") as f:
        sigs = PdfFileReader(f).embedded_signatures
        assert len(sigs) == 1
        return validate_pdf_signature(sigs[0], vc)


def test_signed_report_validates_and_tampering_shows(real_case, tmp_path: Path) -> None:
    cert, key, _ = _self_signed(tmp_path)
    out = tmp_path / "signed.pdf"
    res = build_report(real_case, out, ReportOptions(sign_cert=str(cert), sign_key=str(key),
                                                     sign_password="secret"))
    status = _status(out, cert)
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
    ev = [e for e in real_case.events() if e["action"] == "exported"][-1]
    assert ev["details"]["sha256"] == res.sha256 and ev["details"]["options"]["signed"] is True
    assert "secret" not in str(ev["details"])
    raw = bytearray(out.read_bytes())
    at = raw.index(b"Custody appendix") if b"Custody appendix" in raw else len(raw) // 3
    raw[at] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(raw))
    assert not _status(bad, cert).intact


def test_wrong_password_is_a_clear_error(real_case, tmp_path: Path) -> None:
    from casefile.errors import InvalidInput

    cert, key, _ = _self_signed(tmp_path)
    with pytest.raises(InvalidInput, match="key.pem"):
        build_report(real_case, tmp_path / "x.pdf", ReportOptions(
            sign_cert=str(cert), sign_key=str(key), sign_password="wrong"))
    assert not (tmp_path / "x.pdf").exists()
