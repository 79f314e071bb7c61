#!/usr/bin/env python3
"""Writes the webapps' zh-CN.json files (Tasklist, Cockpit, Admin, Welcome) under src/main/resources.

Each output has every label of the Camunda webjar's en.json, in its order: our Chinese where
zh-CN/<app>.json has it, the English text otherwise. Complete files matter because zh-CN is also the
fallback locale (config.js), and a label missing from the fallback would show as its key.

Run from the repository root after changing a translation or upgrading Camunda:
    python3 src/webapp-locales/build.py [path/to/camunda-webapp-webjar-<version>.jar]
Without an argument it reads the webjar of pom.xml's camunda.version from ~/.m2.
"""
import json
import pathlib
import re
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT / "src/webapp-locales/zh-CN"
TARGET = ROOT / "src/main/resources/META-INF/resources/webjars/camunda/app"
APPS = ("tasklist", "cockpit", "admin", "welcome")


def webjar() -> pathlib.Path:
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    version = re.search(r"<camunda.version>(.+?)</camunda.version>", (ROOT / "pom.xml").read_text()).group(1)
    return (pathlib.Path.home() / ".m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar" / version
            / f"camunda-webapp-webjar-{version}.jar")


def main() -> None:
    date_locales = json.loads((SOURCES / "dateLocales.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(webjar()) as jar:
        for app in APPS:
            # Camunda's en.json starts with a byte order mark; ours are plain UTF-8.
            english = json.loads(jar.read(f"META-INF/resources/webjars/camunda/app/{app}/locales/en.json")
                                 .decode("utf-8-sig"))["labels"]
            chinese = json.loads((SOURCES / f"{app}.json").read_text(encoding="utf-8"))["labels"]
            unknown = sorted(set(chinese) - set(english))
            if unknown:
                sys.exit(f"{app}: labels the webjar no longer has: {unknown}")
            labels = {key: chinese.get(key, text) for key, text in english.items()}
            out = TARGET / app / "locales" / "zh-CN.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps({"dateLocales": date_locales, "labels": labels}, ensure_ascii=False, indent=2)
                           + "\n", encoding="utf-8")
            print(f"{app}: {len(chinese)} of {len(english)} labels translated -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
