"""Compares two built folders as a publish sees them (by SHA-256 of each file) and prints
what a publish of the second after the first would send: new, changed and deleted files,
with their bytes, and the changed files grouped by kind.
Usage: changed.py BEFORE AFTER [--list]"""

import hashlib
import os
import sys
from collections import Counter


def tree(root: str) -> dict[str, tuple[int, str]]:
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if rel.startswith(".broadside-") or os.path.islink(path):
                continue
            with open(path, "rb") as f:
                data = f.read()
            files[rel] = (len(data), hashlib.sha256(data).hexdigest())
    return files


def kind(path: str) -> str:
    parts = path.split("/")
    name = parts[-1]
    if name.endswith((".xml", ".json", ".atom", ".rss")) and "sitemap" not in name:
        return "feed"
    if "sitemap" in name:
        return "sitemap"
    if "page" in parts[:-1]:
        return "list page (numbered)"
    if parts[0] in ("posts",) or (len(parts) > 2 and parts[1] == "posts"):
        return "post"
    if name == "index.html":
        return "list page (first)"
    return "other"


def main() -> int:
    before, after = tree(sys.argv[1]), tree(sys.argv[2])
    new = [p for p in after if p not in before]
    changed = [p for p in after if p in before and before[p] != after[p]]
    deleted = [p for p in before if p not in after]
    sent = new + changed
    total = sum(after[p][0] for p in sent)
    print(f"files={len(after)} uploaded={len(sent)} new={len(new)} changed={len(changed)} "
          f"deleted={len(deleted)} uploaded_bytes={total}")
    for k, n in sorted(Counter(kind(p) for p in sent).items()):
        print(f"  {k}: {n} files, {sum(after[p][0] for p in sent if kind(p) == k):,} bytes")
    if "--list" in sys.argv:
        for p in sorted(sent):
            print(("new " if p in new else "chg ") + p)
        for p in sorted(deleted):
            print("del " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
