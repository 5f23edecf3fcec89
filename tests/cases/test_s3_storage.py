"""Documents in an S3-compatible object store (issue 20): a real S3 server (moto in server mode)
on loopback, reached over HTTP by django-storages exactly as a production store would be."""

import hashlib
import socket
import uuid
from io import StringIO

import boto3
import pytest
from botocore.exceptions import ClientError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from cases.constants import Verwerkingsactiviteit
from cases.models import Document
from cases.privacy.retention import dossier_destroy
from cases.services import document_upload
from config.settings.base import private_storage_settings

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n" + b"0" * 2048 + b"\n%%EOF\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(settings, s3_endpoint, monkeypatch):
    return point_at_new_bucket(settings, s3_endpoint, monkeypatch)


def point_at_new_bucket(settings, s3_endpoint, monkeypatch):
    """A fresh private bucket, and the application's private storage pointed at it."""
    for name, value in {
        "DOCUMENTS_S3_ENDPOINT_URL": s3_endpoint,
        "DOCUMENTS_S3_REGION": "eu-west-1",
        "DOCUMENTS_S3_ACCESS_KEY_ID": "test",
        "DOCUMENTS_S3_SECRET_ACCESS_KEY": "test",
    }.items():
        monkeypatch.setenv(name, value)
    bucket = f"documenten-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    settings.STORAGES = {**settings.STORAGES, "private": private_storage_settings(bucket)}
    client.bucket = bucket
    return client


def stored_bytes(s3, name: str) -> bytes:
    return s3.get_object(Bucket=s3.bucket, Key=name)["Body"].read()


def upload(actor, jongere, content=PDF):
    return document_upload(
        actor=actor,
        dossier=jongere.dossier,
        upload=SimpleUploadedFile("verklaring-arts.pdf", content, content_type="application/pdf"),
        purpose=Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
    )


def test_a_document_goes_to_the_store_and_only_its_own_organisation_downloads_it(
    s3, client, lpa_a, lpa_b, jongere_a, private_media
):
    document = upload(lpa_a, jongere_a)

    assert stored_bytes(s3, document.bestand.name) == PDF
    assert not private_media.exists() or not any(private_media.rglob("*"))  # nothing on local disk
    # Private: the object grants nobody but its owner, and an unsigned request is refused.
    grants = s3.get_object_acl(Bucket=s3.bucket, Key=document.bestand.name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]

    client.force_login(lpa_a)
    response = client.get(reverse("document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]

    client.force_login(lpa_b)
    assert client.get(reverse("document_download", args=[document.pk])).status_code == 404


def test_destroying_a_dossier_removes_its_documents_from_the_store(
    s3, lpa_a, jongere_a, django_capture_on_commit_callbacks
):
    document = upload(lpa_a, jongere_a)
    name = document.bestand.name
    with django_capture_on_commit_callbacks(execute=True):
        dossier_destroy(dossier=jongere_a.dossier)
    assert not Document.objects.filter(pk=document.pk).exists()
    with pytest.raises(ClientError) as error:
        s3.head_object(Bucket=s3.bucket, Key=name)
    assert error.value.response["Error"]["Code"] == "404"


def test_migrating_local_documents_to_the_store_verifies_every_checksum(
    settings, s3_endpoint, lpa_a, jongere_a, monkeypatch
):
    # First on local disk, as an installation that has run for a while.
    local = settings.STORAGES["private"]
    settings.STORAGES = {**settings.STORAGES, "private": private_storage_settings("")}
    contents = [PDF, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40]
    documents = [upload(lpa_a, jongere_a, content) for content in contents]
    settings.STORAGES = {**settings.STORAGES, "private": local}

    with pytest.raises(CommandError, match="DOCUMENTS_S3_BUCKET"):
        call_command("migrate_documents_to_s3")

    # Then pointed at the store: the command copies and checks each file.
    s3_client = point_at_new_bucket(settings, s3_endpoint, monkeypatch)
    call_command("migrate_documents_to_s3")
    for document, content in zip(documents, contents, strict=True):
        stored = stored_bytes(s3_client, document.bestand.name)
        assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(content).hexdigest()
        document.refresh_from_db()
        assert document.bestand.read() == content  # the application now reads from the store

    # Run again: nothing to copy. A damaged copy in the store is replaced.
    s3_client.put_object(Bucket=s3_client.bucket, Key=documents[0].bestand.name, Body=b"kapot")
    out = StringIO()
    call_command("migrate_documents_to_s3", stdout=out)
    assert "Gekopieerd en gecontroleerd: 1; al aanwezig met hetzelfde controlegetal: 1" in out.getvalue()
    assert stored_bytes(s3_client, documents[0].bestand.name) == PDF
