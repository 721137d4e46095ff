"""--fetch-media over https: the connection goes to the address checked, the certificate is
checked against the host's name (a certificate nobody vouches for is refused)."""

import datetime
import ipaddress
import random
import ssl
import threading
from http.server import ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from wordpress.fetch import FetchError, fetch

from .test_fetch_media import OldSite, image


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for localhost, and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def tls_site(certificate):
    cert_file, key_file = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    ports = list(range(24100, 24999))
    random.shuffle(ports)
    for port in ports:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), OldSite)
            break
        except OSError:
            continue
    server.socket = context.wrap_socket(server.socket, server_side=True)
    OldSite.files = {"/wp-content/uploads/2019/05/a.jpg": (200, "image/jpeg", image("JPEG"), {})}
    OldSite.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{port}/wp-content/uploads/2019/05/a.jpg"
    server.shutdown()
    server.server_close()


def test_an_https_site_whose_certificate_is_trusted_is_fetched(
    tls_site, certificate, tmp_path, settings, monkeypatch
):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["localhost"]
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))  # trusted, as a CA would be
    target = tmp_path / "a.jpg"
    fetch(tls_site, target)
    assert target.read_bytes() == OldSite.files["/wp-content/uploads/2019/05/a.jpg"][2]


def test_a_certificate_nobody_vouches_for_is_refused(tls_site, tmp_path, settings):
    settings.WORDPRESS_FETCH_ALLOWED_HOSTS = ["localhost"]
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        fetch(tls_site, tmp_path / "a.jpg")
    assert OldSite.requests == [] and not (tmp_path / "a.jpg").exists()
