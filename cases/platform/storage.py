"""Where documents, import files and report files are kept: never behind a public URL.

The embedded default is a folder on the local disk (PRIVATE_MEDIA_ROOT). With
DOCUMENTS_S3_BUCKET set, the files go to an S3-compatible object store through django-storages
(docs/configuration.md). Either way the application streams every download through its own
authorised views; no URL of the store is ever handed out.

Model fields name the callable `cases.models.private_storage`, which returns `private_files`:
a lazy proxy of `storages["private"]` (settings.STORAGES), so the backend is chosen by the
settings when a file is first touched, not when the models are imported.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class LocalPrivateStorage(FileSystemStorage):
    """A folder outside any public URL. The location is read from settings each time, so tests
    (and operators) can point it elsewhere."""

    def __init__(self, **kwargs):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError("Private files are served by the application's own views only.")


class PrivateFiles(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_files = PrivateFiles()


@receiver(setting_changed)
def _reset_on_settings_change(*, setting, **kwargs):
    # Django resets `storages` itself when STORAGES changes; the proxy must let go as well.
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        private_files._wrapped = empty
