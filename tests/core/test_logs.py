"""The log never prints a traceback of its own: a folder that refuses it sends it to the
temporary folder, a disk that refuses every byte makes it fall silent (and the messages say
so instead of naming a file that holds nothing)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest

from fabrique_desktop import logs


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    saved = list(root.handlers)
    yield root
    for handler in root.handlers:
        if handler not in saved:
            handler.close()
    root.handlers[:] = saved


def test_a_log_folder_that_refuses_goes_to_the_temporary_folder(
    root_logger, tmp_path, monkeypatch, capfd
) -> None:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    logs.setup_logging(blocker / "logs" / "fabrique.log")
    logging.getLogger("test").warning("ceci doit être gardé")
    fallback = logs.fallback_log_file()
    assert fallback.is_relative_to(tmp_path / "tmp")
    for handler in root_logger.handlers:
        handler.flush()
    assert "ceci doit être gardé" in fallback.read_text(encoding="utf-8")
    assert logs.where_details() == f"les détails sont dans « {fallback} »"
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full (Linux) is a full disk")
def test_a_full_disk_makes_the_log_fall_silent(root_logger, monkeypatch, capfd) -> None:
    monkeypatch.setattr(logs, "fallback_log_file", lambda: Path("/dev/full"))
    logs.setup_logging(Path("/dev/full"))  # every write: « No space left on device »
    for n in range(3):
        logging.getLogger("test").error("record %d", n)
    assert capfd.readouterr().err == ""  # no « --- Logging error --- », no traceback
    assert "le disque est plein" in logs.where_details()
    for handler in root_logger.handlers:  # what logging does at exit: quiet too
        if isinstance(handler, logs.QuietFileHandler):
            handler.flush()
            handler.close()
    assert capfd.readouterr().err == ""
