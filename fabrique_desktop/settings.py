"""Small per-user preferences (language, last session, projector screen) in a JSON file."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            log.warning("settings %s unreadable, using defaults: %s", path, error)

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            partial.write_text(
                json.dumps(self._values, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            os.replace(partial, self.path)
        except OSError as error:
            log.warning("settings not saved to %s: %s", self.path, error)
